import { expect, test } from '@playwright/test'
import { expectWellFormedPage, hydrated, seriousA11yViolations } from '../support'

async function firstId(page: import('@playwright/test').Page, api: string): Promise<string> {
  const res = await page.request.get(api)
  const body = await res.json() as { items: Array<{ id: string }> }
  return body.items[0]!.id
}

const MODES = [
  { name: 'Chinese', prefix: '', elder: false },
  { name: 'elder mode', prefix: '', elder: true },
  { name: 'English', prefix: '/en', elder: false },
] as const

for (const mode of MODES) {
  test(`every public page is well formed and has no serious axe violations (${mode.name})`, async ({ page, context, baseURL }) => {
    if (mode.elder) await context.addCookies([{ name: 'elder', value: '1', url: baseURL! }])
    const product = await firstId(page, '/api/v1/products?q=BCD-470')
    const merchant = await firstId(page, '/api/v1/merchants?street=waihai')
    const paths = ['/', '/events/appliance-2026', '/events/car-show-2026', '/catalogue', `/catalogue/${product}`, '/merchants', `/merchants/${merchant}`, '/safe-use']
    for (const path of paths) {
      await page.goto(`${mode.prefix}${path}`)
      await hydrated(page)
      await expectWellFormedPage(page)
      expect(await seriousA11yViolations(page), `${mode.name} ${path}`).toEqual([])
    }
  })
}

test('an unknown page is a friendly 404 with one h1', async ({ page }) => {
  const res = await page.goto('/no-such-page')
  expect(res?.status()).toBe(404)
  await expect(page.locator('h1')).toHaveCount(1)
  await expect(page.getByTestId('error-home')).toBeVisible()
})

test('public HTML never sets a session cookie', async ({ request }) => {
  for (const path of ['/', '/events/appliance-2026', '/catalogue', '/merchants']) {
    const res = await request.get(path)
    const cookies = res.headersArray().filter(h => h.name.toLowerCase() === 'set-cookie').map(h => h.value)
    expect(cookies.filter(c => c.startsWith('auth_session')), path).toEqual([])
  }
})
