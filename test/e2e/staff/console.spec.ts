import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { expectWellFormedPage, hydrated, seriousA11yViolations } from '../support'

// test/e2e/global-setup.ts starts the portal with this administrator; the reviewer is a demo login
// (server/db/seed/demo-accounts.json).
const ADMIN = { phone: '13700000000', password: 'bootstrap admin password' }
const REVIEWER = { phone: '13800000003', password: 'demo-reviewer-2026' }

/** Signs the browser context in through the API (the session cookie lands in the context). */
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

test.describe('bureau console', () => {
  test('every bureau page is well formed and has no serious accessibility problems at desktop size', async ({ page, context, baseURL }) => {
    await signIn(context, baseURL!, ADMIN)

    await open(page, '/admin')
    await expect(page).toHaveURL(/\/admin\/merchants$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('商户审核')
    await expectCleanPage(page, '/admin/merchants')

    await open(page, '/admin/merchants?status=all')
    await expect(page.getByTestId('queue-row').first()).toBeVisible()
    await expectCleanPage(page, '/admin/merchants?status=all')

    await open(page, '/admin/merchants?status=submitted')
    await page.getByTestId('queue-link').first().click()
    await expect(page).toHaveURL(/\/admin\/merchants\/[\w-]+$/)
    await hydrated(page)
    await expect(page.getByTestId('merchant-record')).toBeVisible()
    await expectCleanPage(page, 'merchant detail')

    // With the decision dialog open, too.
    await page.getByTestId('decide-request_changes').click()
    await expect(page.getByTestId('decision-dialog')).toBeVisible()
    expect(await seriousA11yViolations(page), 'decision dialog').toEqual([])
    await page.getByTestId('decision-cancel').click()
    await expect(page.getByTestId('decision-dialog')).toBeHidden()

    for (const path of ['/admin/promotions', '/admin/promotions?status=all', '/admin/audit', '/admin/staff']) {
      await open(page, path)
      await expectCleanPage(page, path)
    }
  })

  test('the bureau pages do not scroll sideways on a phone', async ({ browser, baseURL }) => {
    const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    await signIn(phone, baseURL!, ADMIN)
    const page = await phone.newPage()
    for (const path of ['/admin/merchants?status=all', '/admin/promotions?status=all', '/admin/audit', '/admin/staff']) {
      await open(page, path)
      await expectWellFormedPage(page)
    }
    await phone.close()
  })

  test('a reviewer does not see 员工账号 and is refused at /admin/staff', async ({ page, context, baseURL }) => {
    await signIn(context, baseURL!, REVIEWER)
    await open(page, '/admin/merchants')
    await expect(page.getByTestId('admin-nav-merchants')).toBeVisible()
    await expect(page.getByTestId('admin-nav-audit')).toBeVisible()
    await expect(page.getByTestId('admin-nav-staff')).toHaveCount(0)
    await expect(page.getByRole('navigation', { name: '管理后台导航' })).not.toContainText('员工账号')

    await page.goto('/admin/staff')
    await expect(page).toHaveURL(/\/admin\/merchants\?notice=wrong-role$/)
    await hydrated(page)
    await expect(page.getByTestId('wrong-role-notice')).toBeVisible()
    await expect(page.getByTestId('staff-form')).toHaveCount(0)

    // The server refuses as well, whatever the page shows.
    expect((await page.request.get('/api/v1/admin/staff')).status()).toBe(403)
  })

  test('the decision dialog will not confirm a rejection without a reason', async ({ page, context, baseURL }) => {
    await signIn(context, baseURL!, REVIEWER)
    await open(page, '/admin/merchants')
    await page.getByTestId('queue-link').first().click()
    await expect(page).toHaveURL(/\/admin\/merchants\/[\w-]+$/)
    await hydrated(page)

    await page.getByTestId('decide-reject').click()
    const dialog = page.getByTestId('decision-dialog')
    const confirm = dialog.getByTestId('decision-confirm')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByTestId('decision-reason')).toBeFocused()
    await expect(confirm).toBeDisabled()
    await expect(dialog.getByTestId('decision-need-reason')).toBeVisible()

    // Blank space is not a reason either.
    await dialog.getByTestId('decision-reason').fill('   ')
    await expect(confirm).toBeDisabled()

    await dialog.getByTestId('decision-reason').fill('营业执照照片模糊，无法核对名称')
    await expect(confirm).toBeEnabled()
    // Leave the demo merchant as it was: cancel instead of rejecting.
    await dialog.getByTestId('decision-cancel').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('merchant-status')).toHaveAttribute('data-status', 'submitted')

    // The same holds for rejecting a promotion.
    await open(page, '/admin/promotions')
    await page.getByTestId('promotion-reject').first().click()
    await expect(dialog).toBeVisible()
    await expect(confirm).toBeDisabled()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  })

  test('an administrator creates a reviewer, and the audit log shows it', async ({ page, context, baseURL, browser }) => {
    await signIn(context, baseURL!, ADMIN)
    await open(page, '/admin/staff')
    const phone = `136${String(Date.now()).slice(-8)}`
    await page.getByTestId('staff-role-reviewer').check()
    await page.getByTestId('staff-phone').fill(phone)
    await page.getByTestId('staff-password').fill('new reviewer password')
    await page.getByTestId('staff-submit').click()
    await expect(page.getByTestId('form-success')).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
    await expect(page.getByTestId('staff-row').filter({ hasText: phone })).toContainText('审核员')

    await open(page, '/admin/audit')
    await page.getByTestId('audit-action').selectOption('staff.create')
    await page.getByTestId('audit-type').selectOption('user')
    await page.getByTestId('audit-apply').click()
    await expect(page).toHaveURL(/action=staff\.create/)
    await expect(page.getByTestId('audit-entry').first()).toContainText('创建员工账号')
    await expect(page.getByTestId('audit-entry').first()).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)

    // An id without its type is refused inline, before any request.
    await page.getByTestId('audit-type').selectOption('')
    await page.getByTestId('audit-id').fill('1234')
    await page.getByTestId('audit-apply').click()
    await expect(page.locator('#audit-type-error')).toBeVisible()

    // The new reviewer can sign in and lands on the review queue.
    const other = await browser.newContext({ baseURL })
    const p2 = await other.newPage()
    await p2.goto('/login')
    await hydrated(p2)
    await p2.getByTestId('login-phone').fill(phone)
    await p2.getByTestId('login-password').fill('new reviewer password')
    await p2.getByTestId('login-submit').click()
    await expect(p2).toHaveURL(/\/admin\/merchants$/)
    await other.close()
  })
})
