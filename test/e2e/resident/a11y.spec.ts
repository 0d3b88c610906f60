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

/** Every public page; ids are looked up at test time (the demo data is rebuilt every day). */
const PAGES: ReadonlyArray<{ name: string, path: (page: import('@playwright/test').Page) => Promise<string> }> = [
  { name: 'home', path: async () => '/' },
  { name: 'current event', path: async () => '/events/appliance-2026' },
  { name: 'ended event', path: async () => '/events/car-show-2026' },
  { name: 'catalogue', path: async () => '/catalogue' },
  { name: 'product', path: async page => `/catalogue/${await firstId(page, '/api/v1/products?q=BCD-470')}` },
  { name: 'merchants', path: async () => '/merchants' },
  { name: 'merchant', path: async page => `/merchants/${await firstId(page, '/api/v1/merchants?street=waihai')}` },
  { name: 'safe-use checker', path: async () => '/safe-use' },
]

for (const mode of MODES) {
  for (const entry of PAGES) {
    test(`the ${entry.name} page is well formed and has no serious axe violations (${mode.name})`, async ({ page, context, baseURL }) => {
      if (mode.elder) await context.addCookies([{ name: 'elder', value: '1', url: baseURL! }])
      const path = await entry.path(page)
      await page.goto(`${mode.prefix}${path}`)
      await hydrated(page)
      await expectWellFormedPage(page)
      expect(await seriousA11yViolations(page), `${mode.name} ${path}`).toEqual([])
    })
  }
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
