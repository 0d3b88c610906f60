import { expect, test } from '@playwright/test'
import { hydrated } from '../support'

test.describe('elder mode and English, remembered', () => {
  test('elder mode makes text and targets large, has no pop-ups, and sticks after a reload', async ({ page }) => {
    await page.goto('/')
    await hydrated(page)
    const toggle = page.getByTestId('elder-toggle')
    await expect(toggle).toHaveAttribute('aria-checked', 'false')
    await toggle.click()
    await expect(page.locator('html')).toHaveClass(/elder/)
    await page.reload()
    await hydrated(page)
    await expect(page.locator('html')).toHaveClass(/elder/)
    await expect(page.getByTestId('elder-toggle')).toHaveAttribute('aria-checked', 'true')

    for (const path of ['/', '/events/appliance-2026', '/catalogue', '/merchants', '/safe-use']) {
      await page.goto(path)
      await hydrated(page)
      const body = await page.evaluate(() => {
        const style = getComputedStyle(document.body)
        return { size: Number.parseFloat(style.fontSize), lineHeight: Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize) }
      })
      expect(body.size, path).toBeGreaterThanOrEqual(18)
      expect(body.lineHeight, path).toBeGreaterThanOrEqual(1.3)
      // Every visible control is at least 60 px tall in elder mode.
      // A radio button or checkbox is tapped through its label: the label is the target that must be large.
      const small = await page.evaluate(() => [...document.querySelectorAll('main a, main button, main input, main select, header a, header button, nav a')]
        .map(el => (el.matches('input[type="radio"], input[type="checkbox"]') ? el.closest('label') ?? el : el))
        .filter((el) => {
          const r = el.getBoundingClientRect()
          const style = getComputedStyle(el)
          return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'inline' && r.height < 60
        })
        .map(el => `${el.tagName} ${(el.textContent ?? '').trim().slice(0, 20)} ${Math.round(el.getBoundingClientRect().height)}px`))
      expect(small, path).toEqual([])
      await expect(page.locator('.van-popup, .van-dialog, .van-toast, [role="dialog"]').filter({ visible: true }), path).toHaveCount(0)
    }
  })

  test('English sticks after a reload and on the next visit to the home page', async ({ page }) => {
    await page.goto('/')
    await hydrated(page)
    await page.getByTestId('lang-switch').click()
    await expect(page).toHaveURL(/\/en\/?$/)
    await expect(page.locator('html')).toHaveAttribute('lang', /^en/)
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('lang', /^en/)
    await page.goto('/')
    await expect(page).toHaveURL(/\/en\/?$/)
    await expect(page.locator('html')).toHaveAttribute('lang', /^en/)
    // And back to Chinese.
    await hydrated(page)
    await page.getByTestId('lang-switch').click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  })
})
