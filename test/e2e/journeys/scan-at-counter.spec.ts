import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type APIRequestContext } from '@playwright/test'
import QRCode from 'qrcode'
import { hydrated } from '../support'

// The portal of test/e2e/global-setup.ts: its bootstrap administrator, and the demo merchant that owns
// 美的智慧家(外海店), enrolled in 'appliance-2026' for microwaves among others.
const ADMIN = { phone: '13700000000', password: 'bootstrap admin password' }
const MERCHANT = { phone: '13800000002', password: 'demo-merchant-2026' }
const EVENT = 'appliance-2026'
const CATEGORY = 'microwave'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

function residentId(): string {
  const body = `44070419720611${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i]!
  return body + '10X98765432'.charAt(sum % 11)
}

/**
 * A short YUV4MPEG2 video of `text` as a QR code, black on white, the way a resident holds up their phone:
 * Chromium's fake camera (--use-file-for-fake-video-capture) plays it in a loop.
 */
function qrVideo(text: string, file: string): void {
  const width = 640
  const height = 480
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const quiet = 4
  const cell = Math.floor(Math.min(width, height) * 0.8 / (modules.size + 2 * quiet))
  const side = cell * (modules.size + 2 * quiet)
  const left = Math.floor((width - side) / 2)
  const top = Math.floor((height - side) / 2)
  const luma = Buffer.alloc(width * height, 235)
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue
      for (let y = 0; y < cell; y++) {
        const row = (top + (r + quiet) * cell + y) * width + left + (c + quiet) * cell
        luma.fill(16, row, row + cell)
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma])
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]))
}

async function signedIn(request: APIRequestContext, who: { phone: string, password: string }): Promise<void> {
  expect((await request.post('/api/v1/auth/login', { data: who })).status()).toBe(200)
}

/** A verified resident holding a microwave qualification in an open release; answers its code. */
async function residentWithQualification(request: APIRequestContext, admin: APIRequestContext): Promise<string> {
  const now = Date.now()
  const release = await admin.post(`/api/v1/admin/events/${EVENT}/releases`, {
    data: { categoryCode: CATEGORY, opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 3_600_000).toISOString(), quota: 3 },
  })
  expect(release.status(), await release.text()).toBe(201)
  const phone = `136${String(now).slice(-5)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
  expect((await request.post('/api/v1/auth/register', { data: { phone, password: 'scan me at the counter', role: 'resident' } })).status()).toBe(201)
  expect((await request.post('/api/v1/me/identity', { data: { name: '梁淑仪', idNumber: residentId() } })).status()).toBe(200)
  const claimed = await request.post(`/api/v1/events/${EVENT}/vouchers`, { data: { categoryCode: CATEGORY } })
  expect(claimed.status(), await claimed.text()).toBe(201)
  return (await claimed.json() as { code: string }).code
}

test('a shop scans the resident\'s QR code with the phone camera and sees what it is for', async ({ playwright, baseURL }) => {
  test.setTimeout(120_000)
  const base = baseURL!
  const admin = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } })
  await signedIn(admin, ADMIN)
  const resident = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } })
  const code = await residentWithQualification(resident, admin)

  // The counter phone: a camera that films the resident's QR code.
  const dir = mkdtempSync(join(tmpdir(), 'counter-camera-'))
  const video = join(dir, 'qr.y4m')
  qrVideo(code, video)
  const browser = await playwright.chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`,
    ],
  })
  try {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['camera'] })
    await signedIn(context.request, MERCHANT)
    const page = await context.newPage()
    await page.goto('/merchant/redeem')
    await hydrated(page)
    await expect(page.getByTestId('redeem-code')).toHaveValue('')
    await page.getByTestId('redeem-scan').click()
    // The code is read from the picture, filled in and looked up, without typing anything.
    await expect(page.getByTestId('redeem-code')).toHaveValue(code, { timeout: 20_000 })
    await expect(page.getByTestId('redeem-lookup')).toBeVisible()
    await expect(page.getByTestId('redeem-category')).toContainText('微波炉')
    await expect(page.getByTestId('redeem-holder')).toContainText('梁*')
    // The camera is released once the code is read.
    await expect(page.locator('video')).toHaveCount(0)
    await context.close()
  }
  finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('without a camera the counter says so and the code can still be typed', async ({ browser, baseURL }) => {
  const base = baseURL!
  const context = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await signedIn(context.request, MERCHANT)
  const page = await context.newPage()
  await page.goto('/merchant/redeem')
  await hydrated(page)
  await page.getByTestId('redeem-scan').click()
  await expect(page.getByTestId('redeem-scan-failed')).toContainText('无法打开摄像头')
  await expect(page.getByTestId('redeem-code')).toBeEditable()
  await context.close()
})
