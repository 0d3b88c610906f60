import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { expectWellFormedPage, hydrated, seriousA11yViolations } from '../support'

// The bureau's set-up pages: events, rules, releases, the catalogue import and the redemption review.
// test/e2e/global-setup.ts starts the portal with the bootstrap administrator; the reviewer is a demo login.
const ADMIN = { phone: '13700000000', password: 'bootstrap admin password' }
const REVIEWER = { phone: '13800000003', password: 'demo-reviewer-2026' }
const HEADER = 'brand,model,categoryCode,energyGrade,waterGrade,labelNo,filedPriceFen'

async function signIn(context: BrowserContext, baseURL: string, who: { phone: string, password: string }): Promise<void> {
  const res = await context.request.post(`${baseURL}/api/v1/auth/login`, { data: who })
  expect(res.status()).toBe(200)
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await hydrated(page)
}

async function expectCleanPage(page: Page, label: string): Promise<void> {
  await expectWellFormedPage(page)
  expect(await seriousA11yViolations(page), label).toEqual([])
}

/** A datetime-local value in Beijing time, `days` from now. */
function beijing(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16)
}

test.describe('bureau set-up', () => {
  test('an administrator creates an event with two rules, adds a release and publishes it', async ({ page, context, baseURL }) => {
    await signIn(context, baseURL!, ADMIN)
    const stamp = String(Date.now()).slice(-7)
    const slug = `e2e-event-${stamp}`
    const title = `E2E 以旧换新 ${stamp}`

    await open(page, '/admin/events')
    await expect(page.getByTestId('event-row').first()).toBeVisible()
    await expectCleanPage(page, '/admin/events')
    await page.getByTestId('event-new').click()
    await expect(page).toHaveURL(/\/admin\/events\/new$/)
    await hydrated(page)
    await expectCleanPage(page, '/admin/events/new')

    await page.getByTestId('event-slug').fill(slug)
    await page.getByTestId('event-title').fill(title)
    await page.getByTestId('event-title-en').fill(`E2E trade-in ${stamp}`)
    await page.getByTestId('event-starts').fill(beijing(-1))
    await page.getByTestId('event-ends').fill(beijing(30))
    await page.getByTestId('event-budget').fill('1,000,000')

    await page.getByTestId('rule-add-category').selectOption('ac')
    await page.getByTestId('rule-add').click()
    await page.getByTestId('rule-add-category').selectOption('fridge')
    await page.getByTestId('rule-add').click()
    await expect(page.getByTestId('rule-row')).toHaveCount(2)

    // Rule 1: air conditioners, 20 % / 15 %, at most 2,000 yuan.
    await page.getByTestId('rule-rate-0-1').fill('20')
    await page.getByTestId('rule-rate-0-2').fill('15')
    await page.getByTestId('rule-cap-0').fill('2000')
    const words0 = page.getByTestId('rule-row').nth(0).getByTestId('rule-words')
    await expect(words0).toContainText('一级能效：补贴售价的 20%')
    await expect(words0).toContainText('每件最多补 2,000 元')
    await expect(words0).toContainText('每人限领 1 件')

    // Rule 2: fridges, first a rate of 120 % → a field error, then a right one.
    const rate = page.getByTestId('rule-rate-1-1')
    await rate.fill('120')
    await rate.blur()
    const row1 = page.getByTestId('rule-row').nth(1)
    await expect(row1.getByTestId('field-error')).toContainText('比例应在 0 到 100% 之间')
    await expect(rate).toHaveAttribute('aria-invalid', 'true')
    await rate.fill('15')
    await page.getByTestId('rule-cap-1').fill('1500')
    await expect(row1.getByTestId('field-error')).toHaveCount(0)
    await expect(row1.getByTestId('rule-words')).toContainText('一级能效：补贴售价的 15%')
    await expect(row1.getByTestId('rule-words')).toContainText('每件最多补 1,500 元')

    await page.getByTestId('event-save').click()
    await expect(page).toHaveURL(new RegExp(`/admin/events/${slug}\\?created=1$`))
    await hydrated(page)
    await expect(page.getByTestId('event-created')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(page.getByTestId('event-status')).toHaveAttribute('data-status', 'draft')
    await expect(page.getByTestId('rule-row')).toHaveCount(2)

    // An edit saved with PATCH.
    await page.getByTestId('event-budget').fill('1200000')
    await page.getByTestId('event-save').click()
    await expect(page.getByTestId('form-success')).toContainText('已保存')

    // A release for air conditioners.
    await page.getByTestId('release-category').selectOption('ac')
    await page.getByTestId('release-opens').fill(beijing(0))
    await page.getByTestId('release-closes').fill(beijing(7))
    await page.getByTestId('release-quota').fill('50')
    await page.getByTestId('release-submit').click()
    await expect(page.getByTestId('release-row')).toHaveCount(1)
    await expect(page.getByTestId('release-row')).toContainText('50')
    await expectCleanPage(page, '/admin/events/[slug]')

    // Publish behind an inline confirmation.
    await page.getByTestId('event-publish').click()
    await expect(page.getByTestId('event-save')).toBeVisible()
    await page.getByTestId('event-publish-confirm').click()
    await expect(page.getByTestId('event-status')).toHaveAttribute('data-status', 'published')

    // Public at once: publishing drops every cached public answer and page.
    const res = await page.request.get('/api/v1/events')
    expect(res.status()).toBe(200)
    const body = await res.json() as { items: Array<{ slug: string }> }
    expect(body.items.map(e => e.slug)).toContain(slug)
    await open(page, `/events/${slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
  })

  test('a catalogue file with bad rows imports nothing; a good one imports and the product is findable', async ({ page, context, baseURL }) => {
    await signIn(context, baseURL!, ADMIN)
    const model = `E2E-${Date.now()}`
    await open(page, '/admin/catalogue')
    await expect(page.getByTestId('import-header')).toHaveText(HEADER)
    await expectCleanPage(page, '/admin/catalogue')

    const bad = [HEADER, `格力,${model},ac,1,,CEL-E2E-1,329900`, `格力,${model}-B,ac,7,,CEL-E2E-2,329900`, `格力,${model}-C,no-such-category,1,,CEL-E2E-3,329900`].join('\n')
    await page.getByTestId('import-text').fill(bad)
    await page.getByTestId('import-submit').click()
    await expect(page.getByTestId('form-error')).toContainText('没有导入任何产品')
    const issues = page.getByTestId('import-issue')
    await expect(issues).toHaveCount(2)
    await expect(issues.nth(0)).toHaveAttribute('data-row', '3')
    await expect(issues.nth(0)).toContainText('第 3 行')
    await expect(issues.nth(0)).toContainText('energyGrade')
    await expect(issues.nth(1)).toHaveAttribute('data-row', '4')
    await expect(issues.nth(1)).toContainText('categoryCode')
    await expectCleanPage(page, '/admin/catalogue with issues')
    // Nothing was half-imported: not even the good first row.
    const none = await page.request.get(`/api/v1/products?q=${encodeURIComponent(model)}`)
    expect((await none.json() as { total: number }).total).toBe(0)

    await page.getByTestId('import-text').fill([HEADER, `格力,${model},ac,1,,CEL-E2E-1,329900`].join('\n'))
    await page.getByTestId('import-submit').click()
    await expect(page.getByTestId('import-result')).toContainText('新增 1 个')
    await expect(page.getByTestId('import-issue')).toHaveCount(0)

    await open(page, `/catalogue?q=${encodeURIComponent(model)}`)
    await expect(page.getByTestId('product-card')).toHaveCount(1)
    await expect(page.getByTestId('product-card')).toContainText(model)

    // Edit the filed price in the bureau's search.
    await open(page, `/admin/catalogue?q=${encodeURIComponent(model)}`)
    const row = page.getByTestId('product-row').filter({ hasText: model })
    await row.getByTestId('product-edit').click()
    await row.getByTestId('product-filedPrice').fill('3199')
    await row.getByTestId('product-save').click()
    await expect(row.getByTestId('product-done')).toBeVisible()
    await expect(row).toContainText('¥3,199.00')
  })

  test('the redemption review lists redemptions and asks a reason before reversing', async ({ page, context, baseURL }) => {
    await signIn(context, baseURL!, REVIEWER)
    await open(page, '/admin/redemptions?view=all')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('核销审核')
    await expectCleanPage(page, '/admin/redemptions?view=all')
    await open(page, '/admin/redemptions')
    await expectCleanPage(page, '/admin/redemptions')
    const reverse = page.getByTestId('redemption-reverse').first()
    if (await reverse.count() > 0) {
      await reverse.click()
      const dialog = page.getByTestId('decision-dialog')
      await expect(dialog).toBeVisible()
      await expect(dialog.getByTestId('decision-confirm')).toBeDisabled()
      expect(await seriousA11yViolations(page), 'reverse dialog').toEqual([])
      await dialog.getByTestId('decision-cancel').click()
      await expect(dialog).toBeHidden()
    }
  })

  test('a reviewer sees events read-only and no import form', async ({ page, context, baseURL }) => {
    await signIn(context, baseURL!, REVIEWER)
    await open(page, '/admin/events')
    await expect(page.getByTestId('admin-nav-events')).toBeVisible()
    await expect(page.getByTestId('event-new')).toHaveCount(0)
    await expectCleanPage(page, '/admin/events (reviewer)')
    await page.getByTestId('event-link').first().click()
    await expect(page).toHaveURL(/\/admin\/events\/[\w-]+$/)
    await hydrated(page)
    await expect(page.getByTestId('event-readonly')).toBeVisible()
    await expect(page.getByTestId('event-save')).toHaveCount(0)
    await expect(page.getByTestId('release-form')).toHaveCount(0)
    await expect(page.getByTestId('event-lifecycle')).toHaveCount(0)
    await expect(page.getByTestId('event-title')).toBeDisabled()
    await expectCleanPage(page, '/admin/events/[slug] (reviewer)')

    await open(page, '/admin/catalogue')
    await expect(page.getByTestId('catalogue-import')).toHaveCount(0)
    await expect(page.getByTestId('product-edit')).toHaveCount(0)
    await expectCleanPage(page, '/admin/catalogue (reviewer)')

    await page.goto('/admin/events/new')
    await expect(page).toHaveURL(/notice=wrong-role/)
  })

  test('the new bureau pages do not scroll sideways on a phone', async ({ browser, baseURL }) => {
    const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    await signIn(phone, baseURL!, ADMIN)
    const page = await phone.newPage()
    for (const path of ['/admin/events', '/admin/events/new', '/admin/events/appliance-2026', '/admin/catalogue', '/admin/redemptions?view=all']) {
      await open(page, path)
      await expectWellFormedPage(page)
    }
    await phone.close()
  })
})
