import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test'
import { hydrated } from '../support'

// test/e2e/global-setup.ts starts the portal with this administrator; the merchant is a demo login
// (server/db/seed/demo-accounts.json) that owns 美的智慧家(外海店), enrolled in 'appliance-2026' for fridges.
const ADMIN = { phone: '13700000000', password: 'bootstrap admin password' }
const MERCHANT = { phone: '13800000002', password: 'demo-merchant-2026' }
const EVENT = 'appliance-2026'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** A valid GB 11643 ID number (born in Jianghai, 1990), different on every call. */
function residentId(): string {
  const body = `44070419900315${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i]!
  return body + CHECK.charAt(sum % 11)
}

function newPhone(): string {
  return `137${String(Date.now()).slice(-5)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
}

async function phone(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
}

interface AdminRelease { id: string, categoryCode: string, opensAt: string, closesAt: string, quota: number, claimed: number, remaining: number }

async function fridgeReleases(admin: APIRequestContext, baseURL: string): Promise<AdminRelease[]> {
  const res = await admin.get(`${baseURL}/api/v1/admin/events/${EVENT}`)
  expect(res.status()).toBe(200)
  const body = await res.json() as { releases: AdminRelease[] }
  return body.releases.filter(r => r.categoryCode === 'fridge')
}

test('a resident claims a fridge qualification on a phone and a shop redeems it by typing the code', async ({ browser, baseURL, playwright }) => {
  test.setTimeout(180_000)
  const base = baseURL!

  // An open fridge release, whatever the hour (the demo releases open daily 10:00–22:00 China time).
  const admin = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } })
  expect((await admin.post('/api/v1/auth/login', { data: ADMIN })).status()).toBe(200)
  const now = Date.now()
  const created = await admin.post(`/api/v1/admin/events/${EVENT}/releases`, {
    data: { categoryCode: 'fridge', opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 2 * 3600_000).toISOString(), quota: 5 },
  })
  expect(created.status(), await created.text()).toBe(201)
  const release = await created.json() as AdminRelease
  // Places held in fridge releases still running: a claim can only take one of these, and nothing else moves
  // them meanwhile (past releases give places back as the demo's qualifications expire through the day).
  const running = (releases: AdminRelease[]) => releases.filter(r => Date.parse(r.closesAt) > now)
  const claimedBefore = running(await fridgeReleases(admin, base)).reduce((n, r) => n + r.claimed, 0)

  // The new release is public at once: adding it dropped the cached event.
  const published = await (await admin.get(`/api/v1/events/${EVENT}`)).json() as { releases: Array<{ id: string }> }
  expect(published.releases.some(r => r.id === release.id)).toBe(true)

  // A new resident signs up and verifies their identity on a phone.
  const resident = await phone(browser, base)
  const rp = await resident.newPage()
  await rp.goto('/register')
  await hydrated(rp)
  await rp.getByTestId('role-resident').check()
  await rp.getByTestId('register-phone').fill(newPhone())
  await rp.getByTestId('register-password').fill('a sentence I remember 2026')
  await rp.getByTestId('register-submit').click()
  await expect(rp).toHaveURL(/\/me$/)
  await hydrated(rp)
  await rp.getByTestId('identity-name').fill('李晓华')
  await rp.getByTestId('identity-number').fill(residentId())
  await rp.getByTestId('identity-consent').check()
  await rp.getByTestId('identity-submit').click()
  await expect(rp.getByTestId('identity-verified')).toBeVisible()

  // Claim the fridge qualification on the event page.
  await rp.goto(`/events/${EVENT}`)
  await hydrated(rp)
  const fridge = rp.locator('[data-testid="claim-category"][data-category="fridge"]')
  await expect(fridge).toHaveAttribute('data-phase', 'open')
  await fridge.getByTestId('claim-button').click()
  await expect(fridge.getByTestId('claim-success')).toBeVisible()
  await fridge.getByTestId('claim-to-mine').click()

  // 我的补贴资格: the QR code and the short code.
  await expect(rp).toHaveURL(/\/me\/vouchers$/)
  const card = rp.getByTestId('voucher').first()
  await expect(card).toHaveAttribute('data-status', 'active')
  await expect(card.getByTestId('voucher-qr')).toBeVisible()
  const code = await card.getByTestId('voucher-code').getAttribute('data-code')
  expect(code).toMatch(/^[0-9A-Z]{8}$/)

  // The quota of the open fridge releases dropped by one.
  const claimedAfter = running(await fridgeReleases(admin, base)).reduce((n, r) => n + r.claimed, 0)
  expect(claimedAfter).toBe(claimedBefore + 1)

  // The shop redeems it by typing the code, on another phone.
  const shop = await phone(browser, base)
  expect((await shop.request.post(`${base}/api/v1/auth/login`, { data: MERCHANT })).status()).toBe(200)
  const sp = await shop.newPage()
  await sp.goto('/merchant/redeem')
  await hydrated(sp)
  await sp.getByTestId('redeem-code').fill(`${code!.slice(0, 4).toLowerCase()} ${code!.slice(4)}`)
  await sp.getByTestId('redeem-lookup-submit').click()
  await expect(sp.getByTestId('redeem-lookup')).toHaveAttribute('data-redeemable', 'true')
  await expect(sp.getByTestId('redeem-holder')).toHaveText('李**')

  await sp.getByTestId('redeem-search').click()
  const grade1 = sp.locator('[data-testid="redeem-choose"][data-grade="1"]').first()
  await expect(grade1).toBeVisible()
  await grade1.click()
  await expect(sp.getByTestId('redeem-product')).toBeVisible()
  const filedText = await sp.getByTestId('redeem-product').textContent()
  const filedYuan = Number(/([\d,]+\.\d{2})/.exec(filedText ?? '')?.[1]?.replace(/,/g, ''))
  expect(filedYuan).toBeGreaterThan(100)
  const price = Math.floor(filedYuan * 0.9)
  await sp.getByTestId('redeem-price').fill(String(price))
  await sp.getByTestId('redeem-serial').fill(`SN${Date.now()}`)
  await sp.getByTestId('redeem-invoice').fill(`INV${Date.now()}`)
  if (await sp.getByTestId('redeem-old-item').isVisible()) {
    await sp.getByTestId('redeem-old-brand').fill('海尔')
    await sp.getByTestId('redeem-old-age').fill('12')
    await sp.getByTestId('redeem-old-disposal').selectOption('merchant_pickup')
  }
  const expected = Math.min(200_000, Math.floor(price * 100 * 0.2))
  await expect(sp.getByTestId('redeem-preview-subsidy')).toContainText((expected / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }))
  await sp.getByTestId('redeem-confirm').click()
  await expect(sp.getByTestId('redeem-done')).toBeVisible()
  await expect(sp.getByTestId('redeem-done-subsidy')).toContainText((expected / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }))

  // The resident sees it redeemed.
  await rp.reload()
  await hydrated(rp)
  const used = rp.locator(`[data-testid="voucher"][data-code="${code}"]`)
  await expect(used).toHaveAttribute('data-status', 'redeemed')
  await expect(used.getByTestId('voucher-redemption')).toContainText('美的智慧家')

  await resident.close()
  await shop.close()
  await admin.dispose()
})
