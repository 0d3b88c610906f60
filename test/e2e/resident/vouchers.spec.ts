import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { expectWellFormedPage, hydrated, seriousA11yViolations } from '../support'

// Demo logins (server/db/seed/demo-accounts.json): a verified resident and the merchant of 美的智慧家(外海店).
const RESIDENT = { phone: '13800000001', password: 'demo-resident-2026' }
const MERCHANT = { phone: '13800000002', password: 'demo-merchant-2026' }

async function signedIn(browser: Browser, baseURL: string, who: { phone: string, password: string }, elder: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  if (elder) await context.addCookies([{ name: 'elder', value: '1', url: baseURL }])
  const res = await context.request.post(`${baseURL}/api/v1/auth/login`, { data: who })
  expect(res.status()).toBe(200)
  return context
}

async function expectClean(page: Page, label: string): Promise<void> {
  await expectWellFormedPage(page)
  expect(await seriousA11yViolations(page), label).toEqual([])
}

for (const elder of [false, true]) {
  const mode = elder ? ' in elder mode' : ''

  test(`the event page shows a claim button or state per category${mode}`, async ({ browser, baseURL }) => {
    const context = await signedIn(browser, baseURL!, RESIDENT, elder)
    const page = await context.newPage()
    await page.goto('/events/appliance-2026')
    await hydrated(page)
    await expect(page.getByTestId('claim-section')).toBeVisible()
    await expect(page.locator('[data-testid="claim-category"][data-category="fridge"]')).toBeVisible()
    await expectClean(page, '/events/appliance-2026')
    await context.close()
  })

  test(`我的补贴资格 is well formed on a phone${mode}`, async ({ browser, baseURL }) => {
    const context = await signedIn(browser, baseURL!, RESIDENT, elder)
    const page = await context.newPage()
    await page.goto('/me/vouchers')
    await hydrated(page)
    if (elder) await expect(page.locator('html')).toHaveClass(/elder/)
    await expect(page.getByTestId('vouchers-list').or(page.getByTestId('vouchers-empty')).first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    await expectClean(page, '/me/vouchers')
    // The demo resident holds an active qualification: its code is read out one character at a time.
    const codes = page.getByTestId('voucher-code')
    await expect(codes.first()).toBeVisible()
    for (const code of await codes.all()) {
      const value = await code.getAttribute('data-code')
      expect(value).toMatch(/^[0-9A-Z]{8}$/)
      await expect(code).toMatchAriaSnapshot(`- paragraph: 资格码 ${[...value!].join(' ')}`)
    }
    await context.close()
  })

  test(`the counter pages are well formed on a phone${mode}`, async ({ browser, baseURL }) => {
    const context = await signedIn(browser, baseURL!, MERCHANT, elder)
    const page = await context.newPage()

    await page.goto('/merchant/redeem')
    await hydrated(page)
    await expect(page.getByTestId('merchant-nav-redeem')).toHaveAttribute('aria-current', 'page')
    await expectClean(page, '/merchant/redeem')
    // A wrong code is answered in place, naming the field.
    await page.getByTestId('redeem-code').fill('ZZZZ2222')
    await page.getByTestId('redeem-lookup-submit').click()
    await expect(page.locator('#redeem-code-error')).toBeVisible()
    await expect(page.getByTestId('redeem-code')).toHaveAttribute('aria-invalid', 'true')
    await expectClean(page, '/merchant/redeem (unknown code)')

    await page.goto('/merchant/redemptions')
    await hydrated(page)
    await expect(page.getByTestId('statement')).toBeVisible()
    await page.waitForLoadState('networkidle')
    await expectClean(page, '/merchant/redemptions')

    await page.goto('/merchant/enrolments')
    await hydrated(page)
    await expect(page.locator('[data-testid="enrolment"][data-event="appliance-2026"]')).toBeVisible()
    await expectClean(page, '/merchant/enrolments')
    await context.close()
  })
}
