import { expect, test } from '@playwright/test'
import { hydrated } from '../support'

// Demo logins (server/db/seed/demo-accounts.json).
const RESIDENT = { phone: '13800000001', password: 'demo-resident-2026' }
const MERCHANT = { phone: '13800000002', password: 'demo-merchant-2026' }

/**
 * The public pages come from one cache for everyone, signed in or not: the HTML a signed-in resident receives
 * is the anonymous page, and what is theirs (the account link, their claim state) is asked for once it has
 * loaded.
 */
test.describe('public pages from the shared cache', () => {
  test('a signed-in resident gets the same page as anyone, then gets their own account tab', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const login = await context.request.post(`${baseURL}/api/v1/auth/login`, { data: RESIDENT })
    expect(login.status()).toBe(200)
    const me = await (await context.request.get(`${baseURL}/api/v1/me`)).json() as { phoneMasked: string }

    const page = await context.newPage()
    const response = await page.goto('/events/appliance-2026')
    expect(response?.headers()['set-cookie']).toBeUndefined()
    expect(response?.headers()['cache-control']).toBe('public, no-cache')
    const html = await response!.text()
    expect(html).not.toContain(me.phoneMasked)
    // Rendered for nobody: the account tab in the HTML leads to the sign-in page …
    expect(html).toMatch(/href="\/login"[^>]*data-testid="tab-account"|data-testid="tab-account"[^>]*href="\/login"/)
    await hydrated(page)
    // … and the browser points it at the resident's own account.
    await expect(page.getByTestId('tab-account')).toHaveAttribute('href', '/me')
    // The claim buttons know who is asking: none asks this resident to sign in first.
    await expect(page.locator('[data-testid="claim-category"][data-category="fridge"]')).toBeVisible()
    await expect(page.getByTestId('claim-section')).not.toContainText('登录后领取')
    await context.close()
  })

  test('one person\'s page is never another\'s: a merchant after a resident gets their own account tab', async ({ browser, baseURL }) => {
    for (const [who, home] of [[RESIDENT, '/me'], [MERCHANT, '/merchant']] as const) {
      const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' })
      expect((await context.request.post(`${baseURL}/api/v1/auth/login`, { data: who })).status()).toBe(200)
      const page = await context.newPage()
      await page.goto('/')
      await hydrated(page)
      await expect(page.getByTestId('tab-account')).toHaveAttribute('href', home)
      await context.close()
    }
    const anonymous = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' })
    const page = await anonymous.newPage()
    const asked: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/me')) asked.push(request.url())
    })
    await page.goto('/')
    await hydrated(page)
    await expect(page.getByTestId('tab-account')).toHaveAttribute('href', '/login')
    // Without the signed_in hint nobody is asked about.
    expect(asked).toEqual([])
    await anonymous.close()
  })
})
