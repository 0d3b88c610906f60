import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { expectWellFormedPage, hydrated, seriousA11yViolations } from '../support'

// The demo reviewer (server/db/seed/demo-accounts.json); the demo data holds a week of sales, some flagged.
const REVIEWER = { phone: '13800000003', password: 'demo-reviewer-2026' }

async function signIn(context: BrowserContext, baseURL: string): Promise<void> {
  const res = await context.request.post(`${baseURL}/api/v1/auth/login`, { data: REVIEWER })
  expect(res.status()).toBe(200)
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await hydrated(page)
}

test('a reviewer narrows the flagged sales to one kind of flag, and reads the sale and its qualification in the audit log', async ({ page, context, baseURL }) => {
  await signIn(context, baseURL!)
  await open(page, '/admin/redemptions')
  const rows = page.getByTestId('redemption-list').locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  // The flagged view: every row carries at least one flag.
  for (const row of await rows.all()) await expect(row.getByTestId('redemption-flag').first()).toBeVisible()

  await page.getByTestId('flag-filter').filter({ hasText: '营业时间外' }).click()
  await expect(page).toHaveURL(/flag=OUTSIDE_OPENING_HOURS/)
  await hydrated(page)
  await expect(page.getByTestId('flag-filter').filter({ hasText: '营业时间外' })).toHaveAttribute('aria-current', 'true')
  await expect(rows.first()).toBeVisible()
  for (const row of await rows.all()) await expect(row.locator('[data-testid="redemption-flag"][data-flag="OUTSIDE_OPENING_HOURS"]')).toHaveCount(1)
  await expectWellFormedPage(page)
  expect(await seriousA11yViolations(page), '/admin/redemptions?flag=OUTSIDE_OPENING_HOURS').toEqual([])

  // The audit log names the money-path actions and amounts in words.
  await open(page, '/admin/audit?type=redemption&action=redemption.create')
  const entry = page.getByTestId('audit-entry').first()
  await expect(entry).toContainText('核销')
  await expect(entry).toContainText('成交价')
  await expect(entry).toContainText('¥')
  await open(page, '/admin/audit?type=voucher&action=voucher.claim')
  await expect(page.getByTestId('audit-entry').first()).toContainText('领取补贴资格')
  await expectWellFormedPage(page)
  expect(await seriousA11yViolations(page), '/admin/audit (qualifications)').toEqual([])
})
