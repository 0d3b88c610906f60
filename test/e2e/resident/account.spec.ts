import { expect, test, type Page } from '@playwright/test'
import { expectWellFormedPage, hydrated, seriousA11yViolations } from '../support'

// GB 11643-1999: the check character of a resident ID number (ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

function checkChar(body: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i]!
  return CHECK.charAt(sum % 11)
}

/** A valid ID number of someone born in Jianghai (440704) in 1985, different on every call. */
function residentId(): string {
  const body = `44070419850612${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
  return body + checkChar(body)
}

function wrongCheck(id: string): string {
  const right = id.charAt(17)
  const wrong = [...'0123456789X'].find(c => c !== right)!
  return id.slice(0, 17) + wrong
}

function masked(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`
}

/** A mobile number nobody has used yet in this run. */
function newPhone(): string {
  return `139${String(Date.now()).slice(-5)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
}

async function signUpResident(page: Page): Promise<string> {
  const phone = newPhone()
  await page.goto('/register')
  await hydrated(page)
  await page.getByTestId('role-resident').check()
  await page.getByTestId('register-phone').fill(phone)
  await page.getByTestId('register-password').fill('a sentence I remember 2026')
  await page.getByTestId('register-submit').click()
  await expect(page).toHaveURL(/\/me$/)
  await hydrated(page)
  return phone
}

test.describe('resident account', () => {
  test('sign-in and sign-up pages are well formed and accessible', async ({ page }) => {
    for (const path of ['/login', '/register']) {
      await page.goto(path)
      await hydrated(page)
      await expectWellFormedPage(page)
      expect(await seriousA11yViolations(page), path).toEqual([])
    }
  })

  test('a wrong password is said plainly, and the password rule is shown before signing up', async ({ page }) => {
    await page.goto('/login')
    await hydrated(page)
    await page.getByTestId('login-phone').fill('13800000001')
    await page.getByTestId('login-password').fill('not the password at all')
    await page.getByTestId('login-submit').click()
    await expect(page.getByTestId('form-error')).toContainText('手机号或密码不对')
    await expect(page).toHaveURL(/\/login/)

    await page.goto('/register')
    await hydrated(page)
    await expect(page.getByText('密码至少 10 个字符')).toBeVisible()
    await page.getByTestId('role-resident').check()
    await page.getByTestId('register-phone').fill('12345')
    await page.getByTestId('register-password').fill('short')
    await page.getByTestId('register-submit').click()
    await expect(page.locator('#register-phone-error')).toContainText('11 位')
    await expect(page.locator('#register-password-error')).toContainText('至少 10 个字符')
  })

  test('a resident signs up, reads the notice, agrees and verifies their identity, and sees it masked', async ({ page }) => {
    const phone = await signUpResident(page)
    await expect(page.getByTestId('me-phone')).toHaveText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
    await expect(page.getByTestId('identity-unverified')).toBeVisible()

    // The personal-information notice comes before the form, in plain words.
    const notice = page.getByTestId('privacy-notice')
    await expect(notice).toContainText('个人信息保护说明')
    await expect(notice).toContainText('姓名和身份证号码')
    await expect(notice).toContainText('完整的身份证号码不会被保存')
    await expect(notice).toContainText('区经济促进局')
    await expectWellFormedPage(page)
    expect(await seriousA11yViolations(page)).toEqual([])

    const id = residentId()
    await page.getByTestId('identity-name').fill('陈小明')
    await page.getByTestId('identity-number').fill(id)
    await expect(page.locator('#identity-number-error')).toHaveCount(0)

    // Consent is asked for explicitly: the box starts unticked and is required.
    const consent = page.getByTestId('identity-consent')
    await expect(consent).not.toBeChecked()
    await page.getByTestId('identity-submit').click()
    await expect(page.locator('#identity-consent-error')).toBeVisible()
    await expect(page.getByTestId('identity-verified')).toHaveCount(0)

    await consent.check()
    await page.getByTestId('identity-submit').click()
    await expect(page.getByTestId('identity-verified')).toBeVisible()
    await expect(page.getByTestId('identity-name-masked')).toHaveText('陈**')
    await expect(page.getByTestId('identity-number-masked')).toHaveText(masked(id))
    await expect(page.getByText(id)).toHaveCount(0)

    // It is kept: after a reload the page still shows the masked forms only.
    await page.reload()
    await hydrated(page)
    await expect(page.getByTestId('identity-number-masked')).toHaveText(masked(id))
    expect(await page.content()).not.toContain(id)
  })

  test('a bad check digit shows the inline error and nothing is stored', async ({ page }) => {
    await signUpResident(page)
    const sent: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/me/identity') && r.method() === 'POST') sent.push(r.url())
    })
    await page.getByTestId('identity-name').fill('陈小明')
    // All 18 characters in: judged at once, while typing.
    await page.getByTestId('identity-number').fill(wrongCheck(residentId()))
    await expect(page.locator('#identity-number-error')).toContainText('校验位')
    await expect(page.getByTestId('identity-number')).toHaveAttribute('aria-invalid', 'true')

    await page.getByTestId('identity-consent').check()
    await page.getByTestId('identity-submit').click()
    await expect(page.locator('#identity-number-error')).toBeVisible()
    await expect(page.getByTestId('identity-number')).toBeFocused()
    expect(sent).toEqual([])

    await page.reload()
    await hydrated(page)
    await expect(page.getByTestId('identity-unverified')).toBeVisible()
    await expect(page.getByTestId('identity-verified')).toHaveCount(0)
  })

  test('the account page works in elder mode without sideways scrolling', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'elder', value: '1', url: baseURL! }])
    await signUpResident(page)
    await expect(page.locator('html')).toHaveClass(/elder/)
    await expectWellFormedPage(page)
    expect(await seriousA11yViolations(page)).toEqual([])
  })

  test('a resident who opens the merchant console is told why and taken to their own account', async ({ page }) => {
    await signUpResident(page)
    await page.goto('/merchant/profile')
    await expect(page).toHaveURL(/\/me\?notice=wrong-role$/)
    await hydrated(page)
    await expect(page.getByTestId('wrong-role-notice')).toBeVisible()
    expect((await page.request.get('/api/v1/merchant/profile')).status()).toBe(403)
  })

  test('signing out works', async ({ page }) => {
    await signUpResident(page)
    await page.getByTestId('sign-out').click()
    await expect(page).toHaveURL(/\/$/)

    // The account page now asks to sign in, and comes back afterwards.
    await page.goto('/me')
    await expect(page).toHaveURL(/\/login\?next=(%2F|\/)me$/)
    await hydrated(page)
    await expect(page.getByTestId('login-needed')).toBeVisible()
    const me = await page.request.get('/api/v1/me')
    expect(me.status()).toBe(401)
  })
})
