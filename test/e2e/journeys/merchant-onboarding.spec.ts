import { expect, test, type Page } from '@playwright/test'
import { hydrated } from '../support'

// A reviewer of the demo data set (server/db/seed/demo-accounts.json).
const REVIEWER = { phone: '13800000003', password: 'demo-reviewer-2026' }

// GB 32100-2015: unified social credit code, MOD 31 check character.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** A valid code of an individual business (92) registered in Jianghai (440704), different on every call. */
function uscc(): string {
  let body = '92440704'
  for (let i = 0; i < 9; i++) body += USCC_ALPHABET.charAt(Math.floor(Math.random() * USCC_ALPHABET.length))
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(body.charAt(i)) * USCC_WEIGHTS[i]!
  return body + USCC_ALPHABET.charAt((31 - (sum % 31)) % 31)
}

async function signIn(page: Page, who: { phone: string, password: string }): Promise<void> {
  await page.goto('/login')
  await hydrated(page)
  await page.getByTestId('login-phone').fill(who.phone)
  await page.getByTestId('login-password').fill(who.password)
  await page.getByTestId('login-submit').click()
  await expect(page).not.toHaveURL(/\/login/)
  await hydrated(page)
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await hydrated(page)
}

test('a merchant applies on a phone, is asked for a change, fixes it, is approved, and publishes a promotion', async ({ browser, page: reviewer, baseURL }) => {
  test.setTimeout(240_000)
  const run = `${Date.now()}`.slice(-6)
  // A name nobody has used before, so the lists below can only show this run's shop.
  const shopName = `焕新测试电器行${run}`
  const promotionTitle = `测试优惠买冰箱送安装${run}`
  const reason = '地址请写到门牌号，并与营业执照上的地址一致。'
  const fixedAddress = `江门市江海区外海街道金溪路 ${Number(run.slice(-2)) + 1} 号`

  // ---- the merchant signs up and applies, on a phone --------------------------------------------------
  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const merchant = await phoneContext.newPage()
  await open(merchant, '/register?role=merchant')
  await expect(merchant.getByTestId('role-merchant')).toBeChecked()
  await merchant.getByTestId('register-phone').fill(`135${run}${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`)
  await merchant.getByTestId('register-password').fill('our shop password 2026')
  await merchant.getByTestId('register-submit').click()
  await expect(merchant).toHaveURL(/\/merchant\/profile$/)
  await hydrated(merchant)

  await merchant.getByTestId('profile-name').fill(shopName)
  const code = uscc()
  // A wrong check character is caught while typing.
  await merchant.getByTestId('profile-uscc').fill(`${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`)
  await expect(merchant.locator('#profile-uscc-error')).toContainText('校验码')
  await merchant.getByTestId('profile-uscc').fill(code)
  await expect(merchant.locator('#profile-uscc-error')).toHaveCount(0)
  await merchant.getByTestId('profile-legal-rep').fill('李焕新')
  await merchant.getByTestId('profile-contact-phone').fill('13912345678')
  await merchant.getByTestId('profile-store-phone').fill('0750-3123456')
  await merchant.getByTestId('profile-street-waihai').check()
  await merchant.getByTestId('profile-address').fill('江门市江海区外海街道金溪路')
  await merchant.getByTestId('profile-opening-hours').fill('09:00-21:00')
  await merchant.getByTestId('profile-category-fridge').check()
  await merchant.getByTestId('profile-category-washer').check()
  await merchant.getByTestId('profile-submit').click()
  await expect(merchant.getByTestId('form-success')).toBeVisible()
  await expect(merchant.getByTestId('merchant-status')).toHaveAttribute('data-status', 'submitted')
  await expect(merchant.getByTestId('profile-read-only')).toBeVisible()

  // ---- a reviewer, at a desk, asks for a change ------------------------------------------------------
  await signIn(reviewer, REVIEWER)
  await expect(reviewer).toHaveURL(/\/admin\/merchants$/)
  await reviewer.getByTestId('admin-merchant-search').fill(shopName)
  await reviewer.getByTestId('admin-merchant-search').press('Enter')
  await expect(reviewer).toHaveURL(/q=/)
  const row = reviewer.getByTestId('queue-row').filter({ hasText: shopName })
  await expect(row).toHaveCount(1)
  await row.getByTestId('queue-link').click()
  await expect(reviewer).toHaveURL(/\/admin\/merchants\/[\w-]+$/)
  await hydrated(reviewer)
  await expect(reviewer.getByTestId('owner-phone')).toContainText('****')

  await reviewer.getByTestId('decide-request_changes').click()
  const dialog = reviewer.getByTestId('decision-dialog')
  await expect(dialog.getByTestId('decision-confirm')).toBeDisabled()
  await dialog.getByTestId('decision-reason').fill(reason)
  await dialog.getByTestId('decision-confirm').click()
  await expect(dialog).toBeHidden()
  await expect(reviewer.getByTestId('decision-done')).toBeVisible()
  await expect(reviewer.getByTestId('merchant-status')).toHaveAttribute('data-status', 'changes_requested')
  await expect(reviewer.getByTestId('audit-entry').first()).toContainText(reason)

  // ---- the merchant sees the reason, fixes the address and sends it again ----------------------------
  await open(merchant, '/merchant')
  await expect(merchant.getByTestId('merchant-status')).toHaveAttribute('data-status', 'changes_requested')
  await expect(merchant.getByTestId('review-reason')).toContainText(reason)
  await merchant.getByTestId('to-profile').click()
  await expect(merchant).toHaveURL(/\/merchant\/profile$/)
  await hydrated(merchant)
  await expect(merchant.getByTestId('review-reason')).toContainText(reason)
  await merchant.getByTestId('profile-address').fill(fixedAddress)
  await merchant.getByTestId('profile-submit').click()
  await expect(merchant.getByTestId('merchant-status')).toHaveAttribute('data-status', 'submitted')

  // ---- the reviewer approves -------------------------------------------------------------------------
  await reviewer.reload()
  await hydrated(reviewer)
  await expect(reviewer.getByTestId('record-address')).toHaveText(fixedAddress)
  await reviewer.getByTestId('decide-approve').click()
  await expect(dialog.getByTestId('decision-confirm')).toBeEnabled()
  await dialog.getByTestId('decision-confirm').click()
  await expect(dialog).toBeHidden()
  await expect(reviewer.getByTestId('merchant-status')).toHaveAttribute('data-status', 'approved')

  // ---- the shop is public ----------------------------------------------------------------------------
  await open(merchant, `/merchants?q=${encodeURIComponent(shopName)}`)
  await expect(merchant.getByTestId('merchant-card').filter({ hasText: shopName })).toBeVisible()
  await expect(merchant.getByTestId('merchant-card').filter({ hasText: shopName })).toContainText(fixedAddress)

  // ---- the merchant creates a promotion for the appliance event and sends it for review --------------
  await open(merchant, '/merchant/promotions')
  await merchant.getByTestId('new-promotion').click()
  await merchant.getByTestId('promotion-event').selectOption('appliance-2026')
  // Only the shop's own categories that the event covers are offered.
  await expect(merchant.getByTestId('promotion-category-fridge')).toBeVisible()
  await expect(merchant.getByTestId('promotion-category-washer')).toBeVisible()
  await expect(merchant.getByTestId('promotion-category-ac')).toHaveCount(0)
  await expect(merchant.locator('[data-testid="promotion-kind"] option[value="free_charger"]')).toHaveCount(0)
  await merchant.getByTestId('promotion-category-fridge').check()
  await merchant.getByTestId('promotion-kind').selectOption('free_installation')
  await merchant.getByTestId('promotion-title').fill(promotionTitle)
  await merchant.getByTestId('promotion-description').fill('活动期间买冰箱，免费上门安装。')
  await expect(merchant.getByTestId('promotion-starts')).not.toHaveValue('')
  await expect(merchant.getByTestId('promotion-ends')).not.toHaveValue('')
  await merchant.getByTestId('promotion-create-submit').click()
  await expect(merchant.getByTestId('promotion-created')).toBeVisible()
  const own = merchant.getByTestId('own-promotion').filter({ hasText: promotionTitle })
  await expect(own).toHaveAttribute('data-status', 'submitted')

  // ---- the reviewer approves it ----------------------------------------------------------------------
  await open(reviewer, '/admin/promotions')
  const promoRow = reviewer.getByTestId('promotion-row').filter({ hasText: promotionTitle })
  await expect(promoRow).toHaveCount(1)
  await promoRow.getByTestId('promotion-approve').click()
  await dialog.getByTestId('decision-confirm').click()
  await expect(dialog).toBeHidden()
  await expect(reviewer.getByTestId('decision-done')).toContainText(promotionTitle)

  await open(merchant, '/merchant/promotions')
  await expect(merchant.getByTestId('own-promotion').filter({ hasText: promotionTitle })).toHaveAttribute('data-status', 'approved')

  // ---- it shows on the event page at once: the approval dropped the cached pages ----------------------
  const visitor = await browser.newPage({ baseURL })
  await visitor.goto('/events/appliance-2026')
  await expect(visitor.getByTestId('promotion').filter({ hasText: promotionTitle })).toBeVisible()
  await visitor.close()
  await phoneContext.close()
})
