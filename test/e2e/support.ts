import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Serious and critical axe-core violations of the page as it is now, described for a failure message. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
}

/** One h1, a title, share metadata, and nothing wider than the screen. */
export async function expectWellFormedPage(page: Page): Promise<void> {
  await expect(page.locator('h1')).toHaveCount(1)
  expect((await page.title()).length).toBeGreaterThan(3)
  for (const property of ['og:title', 'og:description']) {
    await expect(page.locator(`meta[property="${property}"]`)).toHaveCount(1)
  }
  await expect(page.locator('meta[name="description"]')).toHaveCount(1)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0)
}

/** Waits until Nuxt has hydrated the page, so clicks reach Vue's handlers. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const app = (window as unknown as { useNuxtApp?: () => { isHydrating?: boolean } }).useNuxtApp
    const el = document.querySelector('#__nuxt') as (Element & { __vue_app__?: unknown }) | null
    return Boolean(el?.__vue_app__) && (!app || app().isHydrating === false || app().isHydrating === undefined)
  })
}
