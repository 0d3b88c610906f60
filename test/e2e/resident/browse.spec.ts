import { expect, test, type APIRequestContext } from '@playwright/test'
import { hydrated } from '../support'

/** Names the bureau sees in every state but approved (signed in as the bootstrap administrator). */
async function unapprovedMerchantNames(request: APIRequestContext, baseURL: string): Promise<string[]> {
  const login = await request.post('/api/v1/auth/login', { data: { phone: '13700000000', password: 'bootstrap admin password' }, headers: { origin: baseURL } })
  expect(login.ok()).toBe(true)
  const names: string[] = []
  for (const status of ['draft', 'submitted', 'rejected', 'changes_requested', 'suspended']) {
    const res = await request.get(`/api/v1/admin/merchants?status=${status}&pageSize=100`)
    names.push(...((await res.json()) as { items: Array<{ name: string }> }).items.map(m => m.name))
  }
  return names
}

test.describe('a resident browsing on a phone', () => {
  test('finds the current appliance event and works out a subsidy with its calculator', async ({ page }) => {
    await page.goto('/')
    await hydrated(page)
    const card = page.getByTestId('event-card').filter({ hasText: '家电以旧换新' }).first()
    await expect(card).toBeVisible()
    await card.getByRole('link').first().click()
    await expect(page).toHaveURL(/\/events\/appliance-2026/)
    await hydrated(page)
    await expect(page.locator('h1')).toContainText('家电以旧换新')

    const calculator = page.getByTestId('calculator')
    await calculator.getByTestId('calc-category').selectOption('fridge')
    await calculator.getByTestId('calc-grade').selectOption('1')
    await calculator.getByTestId('calc-price').fill('4000')
    await expect(calculator.getByTestId('calc-subsidy')).toContainText('800.00')
    await expect(calculator.getByTestId('calc-payable')).toContainText('3,200.00')

    // Above the cap: 20 % of ¥15,000 is ¥3,000, capped at ¥2,000.
    await calculator.getByTestId('calc-price').fill('15000')
    await expect(calculator.getByTestId('calc-subsidy')).toContainText('2,000.00')
    await expect(calculator.getByTestId('calc-payable')).toContainText('13,000.00')

    // A grade that the rule does not subsidise says why.
    const grades = await calculator.getByTestId('calc-grade').locator('option').evaluateAll(options => options.map(o => (o as HTMLOptionElement).value))
    const other = grades.find(v => v !== '1' && v !== '2')
    expect(other).toBeDefined()
    await calculator.getByTestId('calc-grade').selectOption(other!)
    await expect(calculator.getByTestId('calc-reason')).toBeVisible()

    // Quota and budget are shown.
    await expect(page.getByTestId('budget-left')).toBeVisible()
    await expect(page.getByTestId('quota').first()).toBeVisible()
    // The schedule lists the batches; a batch opens in place to show its places per category.
    const firstWindow = page.getByTestId('release-window').first()
    await firstWindow.locator('summary').click()
    await expect(firstWindow.getByTestId('release').first()).toBeVisible()
  })

  test('finds a grade-1 refrigerator by a partial model number and sees its subsidy', async ({ page }) => {
    await page.goto('/catalogue')
    await hydrated(page)
    await page.getByTestId('catalogue-search').fill('BCD-470')
    await page.getByTestId('catalogue-search').press('Enter')
    await expect(page).toHaveURL(/q=BCD-470/)
    await page.getByTestId('filter-grade').selectOption('1')
    await expect(page).toHaveURL(/grade=1/)
    const cards = page.getByTestId('product-card')
    // The list refreshes after each filter: wait until every card shown matches both.
    await expect(async () => {
      const badges = await cards.getByTestId('grade-badge').allInnerTexts()
      const texts = await cards.allInnerTexts()
      expect(texts.length).toBeGreaterThan(0)
      for (const text of texts) expect(text).toContain('BCD-470')
      for (const badge of badges) expect(badge).toContain('一级')
    }).toPass({ timeout: 15_000 })
    await cards.first().getByRole('link').first().click()
    await expect(page).toHaveURL(/\/catalogue\/[0-9a-f-]{36}/)
    await hydrated(page)
    await expect(page.locator('h1')).toContainText('BCD-470')
    const subsidy = page.getByTestId('product-subsidy').first()
    await expect(subsidy).toBeVisible()
    await expect(subsidy.getByTestId('product-subsidy-amount')).toContainText('¥')
    await expect(page.getByTestId('energy-saving')).toBeVisible()
  })

  test('finds the merchants in 外海 taking part in the appliance event, and no unapproved ones', async ({ page, playwright, baseURL }) => {
    const bureau = await playwright.request.newContext({ baseURL })
    const hidden = await unapprovedMerchantNames(bureau, baseURL!)
    expect(hidden.length).toBeGreaterThan(5)
    const expected = (await (await page.request.get('/api/v1/merchants?street=waihai&event=appliance-2026&pageSize=100')).json() as { items: Array<{ name: string }> }).items.map(m => m.name)
    expect(expected.length).toBeGreaterThanOrEqual(4)
    await page.goto('/merchants')
    await hydrated(page)
    await page.getByTestId('filter-street').locator('[data-street="waihai"]').click()
    await expect(page).toHaveURL(/street=waihai/)
    await page.getByTestId('filter-event').selectOption('appliance-2026')
    await expect(page).toHaveURL(/event=appliance-2026/)
    const cards = page.getByTestId('merchant-card')
    await expect(cards.first()).toBeVisible()
    const names = await cards.allInnerTexts()
    const text = names.join('\n')
    for (const name of expected) expect(text).toContain(name)
    for (const name of hidden) expect(text).not.toContain(name)
    for (const card of names) expect(card).toContain('外海')
    // Each one can be called with a tap.
    await expect(cards.first().locator('a[href^="tel:"]')).toHaveCount(1)
    await bureau.dispose()
  })

  test('nearest first falls back gracefully when the location is refused', async ({ page, context }) => {
    await context.clearPermissions()
    await page.goto('/merchants')
    await hydrated(page)
    await page.getByTestId('nearest-first').click()
    await expect(page.getByTestId('geo-note')).toBeVisible()
    await expect(page.getByTestId('merchant-card').first()).toBeVisible()
  })

  test('nearest first with a location shows distances in order', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', geolocation: { latitude: 22.565, longitude: 113.15 }, permissions: ['geolocation'] })
    const page = await context.newPage()
    await page.goto('/merchants')
    await hydrated(page)
    await page.getByTestId('nearest-first').click()
    const distances = page.getByTestId('merchant-distance')
    await expect(distances.first()).toBeVisible()
    const values = (await distances.allInnerTexts()).map((t) => {
      const n = Number.parseFloat(t.replace(/[^\d.]/g, ''))
      return /公里|km/i.test(t) ? n * 1000 : n
    })
    expect(values.length).toBeGreaterThan(3)
    expect(values).toEqual([...values].sort((a, b) => a - b))
    await context.close()
  })

  test('moves between pages inside the app, and a page reached that way shows what a loaded one shows', async ({ page }) => {
    await page.goto('/catalogue')
    await hydrated(page)
    await page.evaluate(() => {
      (window as unknown as { stayedInApp?: boolean }).stayedInApp = true
    })

    // The tab bar's home link is navigated by the app: the window (and its marker) stays.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByTestId('event-card').filter({ hasText: '家电以旧换新' }).first()).toBeVisible()
    await expect(page.getByTestId('category-tile').first()).toBeVisible()
    await expect(page.getByTestId('promotion').first()).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { stayedInApp?: boolean }).stayedInApp)).toBe(true)

    // A link inside a part drawn on the server only (the event cards) navigates inside the app too.
    await page.getByTestId('event-card').filter({ hasText: '家电以旧换新' }).first().getByRole('link').first().click()
    await expect(page).toHaveURL(/\/events\/appliance-2026$/)
    await expect(page.getByTestId('event-merchant').first()).toBeVisible()
    await expect(page.getByTestId('promotion').first()).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { stayedInApp?: boolean }).stayedInApp)).toBe(true)
  })

  test('the safe-use checker says a 9-year-old gas water heater is past its life and where to replace it', async ({ page }) => {
    await page.goto('/safe-use')
    await hydrated(page)
    await page.getByTestId('safe-use-category').selectOption('gas-water-heater')
    await page.getByTestId('safe-use-age').fill('9')
    await page.getByTestId('safe-use-age').press('Enter')
    const result = page.getByTestId('safe-use-result')
    await expect(result).toBeVisible()
    await expect(result.getByTestId('safe-use-standard')).toContainText('GB 17905')
    await expect(result.getByTestId('safe-use-event').first()).toBeVisible()
  })
})
