import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { expectWellFormedPage, hydrated, seriousA11yViolations } from '../support'

// The demo merchant owns the approved shop 美的智慧家(外海店) (server/db/seed/demo-accounts.json).
const MERCHANT = { phone: '13800000002', password: 'demo-merchant-2026' }

async function phoneContext(browser: import('@playwright/test').Browser, baseURL: string, elder: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  if (elder) await context.addCookies([{ name: 'elder', value: '1', url: baseURL }])
  const res = await context.request.post(`${baseURL}/api/v1/auth/login`, { data: MERCHANT })
  expect(res.status()).toBe(200)
  return context
}

async function expectClean(page: Page, label: string): Promise<void> {
  await expectWellFormedPage(page)
  expect(await seriousA11yViolations(page), label).toEqual([])
}

for (const elder of [false, true]) {
  test(`the merchant console is well formed on a phone${elder ? ' in elder mode' : ''}`, async ({ browser, baseURL }) => {
    const context = await phoneContext(browser, baseURL!, elder)
    const page = await context.newPage()

    await page.goto('/merchant')
    await hydrated(page)
    if (elder) await expect(page.locator('html')).toHaveClass(/elder/)
    await expect(page.getByTestId('merchant-status')).toHaveAttribute('data-status', 'approved')
    await expectClean(page, '/merchant')

    await page.goto('/merchant/profile')
    await hydrated(page)
    await expect(page.getByTestId('legal-change-note')).toBeVisible()
    // A change to a legal field is announced as going back to review before saving.
    await page.getByTestId('profile-address').fill('江门市江海区外海街道外海大道 99 号')
    await expect(page.getByTestId('legal-change-warning')).toBeVisible()
    await expectClean(page, '/merchant/profile')

    await page.goto('/merchant/promotions')
    await hydrated(page)
    await expect(page.getByTestId('own-promotion').first()).toBeVisible()
    await page.getByTestId('new-promotion').click()
    await page.getByTestId('promotion-event').selectOption('appliance-2026')
    await expect(page.getByTestId('promotion-category-fridge')).toBeVisible()
    await expectClean(page, '/merchant/promotions')

    // Ending a promotion asks first, inline, away from the main button.
    await page.getByTestId('promotion-end').first().click()
    await expect(page.getByTestId('promotion-end-confirm')).toBeVisible()
    await expect(page.getByTestId('promotion-end-confirm')).toBeFocused()
    await page.getByTestId('promotion-end-cancel').click()
    await expect(page.getByTestId('promotion-end-confirm')).toHaveCount(0)
    await context.close()
  })
}
