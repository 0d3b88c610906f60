import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, adminClient } from '../support/client'
import type { ErrorBody } from '../support/http'
import { approvedMerchantClient, merchantClient, sharedReviewer } from '../support/merchants'
import {
  ageRedemption, claim, closeTestDb, consistent, createTestEvent, createTestProduct, enrolledMerchant, expireVoucherNow,
  hasDatabase, ledgerOf, newKey, redemptionBody, verifiedResident, type TestEvent,
} from '../support/vouchers'

afterAll(closeTestDb)

interface Redemption { id: string, subsidyFen: number, payableFen: number, priceFen: number, status: string, voidableUntil: string }
interface Lookup { code: string, eventSlug: string, categoryCode: string, status: string, nameMasked: string, redeemable: boolean, reason?: string, capFen: number }
const FAKE_ID = '00000000-0000-4000-8000-000000000000'

describe('merchant money routes — roles and input', () => {
  it('anonymous 401, resident 403, on every merchant and bureau route', async () => {
    const anonymous = new Client()
    const resident = await verifiedResident()
    const routes: Array<[string, string]> = [
      ['POST', '/api/v1/merchant/enrolments'], ['GET', '/api/v1/merchant/enrolments'], ['GET', '/api/v1/merchant/vouchers/ABCD2345'],
      ['POST', '/api/v1/merchant/redemptions'], ['GET', '/api/v1/merchant/redemptions'], ['POST', `/api/v1/merchant/redemptions/${FAKE_ID}/void`],
      ['GET', '/api/v1/merchant/statements?month=2026-11'], ['GET', '/api/v1/admin/redemptions'], ['POST', `/api/v1/admin/redemptions/${FAKE_ID}/reverse`],
    ]
    for (const [method, path] of routes) {
      expect((await anonymous.request(method, path, method === 'POST' ? { body: {} } : {})).status, `${method} ${path}`).toBe(401)
      expect((await resident.request(method, path, method === 'POST' ? { body: {} } : {})).status, `${method} ${path}`).toBe(403)
    }
    const { client: merchant } = await approvedMerchantClient()
    expect((await merchant.get('/api/v1/admin/redemptions')).status).toBe(403)
    expect((await merchant.post(`/api/v1/admin/redemptions/${FAKE_ID}/reverse`, { reason: 'x' })).status).toBe(403)
  })

  it('staff list redemptions (reviewer and admin); reverse needs a reason (400) and an existing redemption (404)', async () => {
    const reviewer = await sharedReviewer()
    const admin = await adminClient()
    for (const staff of [reviewer, admin]) {
      const list = await staff.get<{ items: unknown[], total: number, page: number, pageSize: number }>('/api/v1/admin/redemptions?flagged=true&status=completed')
      expect(list.status).toBe(200)
      expect(list.body).toMatchObject({ page: 1, pageSize: 20 })
    }
    expect((await reviewer.get('/api/v1/admin/redemptions?status=bogus')).status).toBe(400)
    const noReason = await reviewer.post<ErrorBody>(`/api/v1/admin/redemptions/${FAKE_ID}/reverse`, {})
    expect(noReason.status).toBe(400)
    expect(noReason.body.data.issues?.map(i => i.path)).toContain('reason')
    expect((await reviewer.post(`/api/v1/admin/redemptions/${FAKE_ID}/reverse`, { reason: '发票造假' })).status).toBe(404)
  })

  it('redeem: 400 without an Idempotency-Key (naming it) and on a bad body, before anything else', async () => {
    const { client } = await approvedMerchantClient()
    const missing = await client.post<ErrorBody>('/api/v1/merchant/redemptions', redemptionBody('ABCD2345', FAKE_ID))
    expect(missing.status).toBe(400)
    expect(missing.body.data.issues?.map(i => i.path)).toContain('Idempotency-Key')
    const short = await client.post<ErrorBody>('/api/v1/merchant/redemptions', redemptionBody('ABCD2345', FAKE_ID), { headers: { 'idempotency-key': 'short' } })
    expect(short.body.data.issues?.map(i => i.path)).toContain('Idempotency-Key')
    for (const [override, path] of [[{ priceFen: 12.5 }, 'priceFen'], [{ priceFen: -1 }, 'priceFen'], [{ serialNo: '' }, 'serialNo'], [{ voucherCode: 'O0' }, 'voucherCode'], [{ productId: 'x' }, 'productId'], [{ oldItem: { categoryCode: 'fridge', brand: '容声', ageYears: 3, disposal: 'sold' } }, 'oldItem.disposal']] as const) {
      const res = await client.post<ErrorBody>('/api/v1/merchant/redemptions', redemptionBody('ABCD2345', FAKE_ID, override), { headers: { 'idempotency-key': newKey() } })
      expect(res.status, path).toBe(400)
      expect(res.body.data.issues?.map(i => i.path)).toContain(path)
    }
    expect((await client.get<{ total: number }>('/api/v1/merchant/redemptions')).body.total).toBe(0)
  })

  it('lookup: 404 for an unknown code, 400 for a malformed one', async () => {
    const { client } = await approvedMerchantClient()
    expect((await client.get<ErrorBody>('/api/v1/merchant/vouchers/ABCD2345')).status).toBe(404)
    expect((await client.get('/api/v1/merchant/vouchers/abc')).status).toBe(400)
  })

  it('statements: 400 on a bad month; an empty month is all zeros', async () => {
    const { client } = await approvedMerchantClient()
    expect((await client.get('/api/v1/merchant/statements?month=2026-13')).status).toBe(400)
    expect((await client.get('/api/v1/merchant/statements')).status).toBe(400)
    const res = await client.get<{ count: number, subsidyFen: number, salesFen: number, categories: unknown[] }>('/api/v1/merchant/statements?month=2026-11')
    expect(res.body).toMatchObject({ count: 0, subsidyFen: 0, salesFen: 0, categories: [] })
  })

  it('void: 404 for another merchant\'s or an unknown redemption', async () => {
    const { client } = await approvedMerchantClient()
    expect((await client.post(`/api/v1/merchant/redemptions/${FAKE_ID}/void`)).status).toBe(404)
  })
})

describe('POST /api/v1/merchant/enrolments', () => {
  it('201 for an approved merchant in its own categories the event covers; repeating is harmless; listed', async () => {
    const { client } = await approvedMerchantClient(['fridge', 'tv'])
    const res = await client.post<{ eventSlug: string, categories: string[] }>('/api/v1/merchant/enrolments', { eventSlug: 'appliance-2026', categories: ['fridge'] })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ eventSlug: 'appliance-2026', categories: ['fridge'] })
    const again = await client.post<{ categories: string[] }>('/api/v1/merchant/enrolments', { eventSlug: 'appliance-2026', categories: ['tv', 'fridge'] })
    expect(again.body.categories).toEqual(['fridge', 'tv'])
    const list = await client.get<{ items: Array<{ eventSlug: string, categories: string[] }> }>('/api/v1/merchant/enrolments')
    expect(list.body.items).toEqual([expect.objectContaining({ eventSlug: 'appliance-2026', categories: ['fridge', 'tv'] })])
  })

  it('400 naming categories for one the merchant does not sell or the event does not cover; nothing enrolled', async () => {
    const { client } = await approvedMerchantClient(['fridge', 'tv'])
    for (const categories of [['ac'], ['fridge', 'phone'], []]) {
      const res = await client.post<ErrorBody>('/api/v1/merchant/enrolments', { eventSlug: 'appliance-2026', categories })
      expect(res.status).toBe(400)
      expect(res.body.data.issues?.map(i => i.path)).toContain('categories')
    }
    expect((await client.get<{ items: unknown[] }>('/api/v1/merchant/enrolments')).body.items).toEqual([])
    expect((await client.post('/api/v1/merchant/enrolments', { eventSlug: 'no-such-event', categories: ['fridge'] })).status).toBe(404)
    expect((await client.post('/api/v1/merchant/enrolments', { eventSlug: 'appliance-2027-spring', categories: ['fridge'] })).status).toBe(404)
  })

  it('409 MERCHANT_NOT_APPROVED for a merchant under review', async () => {
    const { client } = await merchantClient('submitted')
    const res = await client.post<ErrorBody>('/api/v1/merchant/enrolments', { eventSlug: 'appliance-2026', categories: ['fridge'] })
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('MERCHANT_NOT_APPROVED')
  })
})

// A whole sale on an event and products the bureau set up through the admin API. The tests that move a
// qualification's expiry or a sale's time into the past reach into the database: PostgreSQL run only.
describe('redemption at the counter', () => {
  let event: TestEvent
  let merchant: Client
  let fridge: string
  let fridgeGrade3: string
  let tv: string

  beforeAll(async () => {
    event = await createTestEvent({ rules: [{ code: 'fridge' }, { code: 'tv', priceCeilingFen: 800_000, requiresTradeIn: false }] })
    merchant = (await enrolledMerchant(event.slug, ['fridge', 'tv'])).client
    fridge = await createTestProduct('fridge', { grade: 1, filedPriceFen: 599_900 })
    fridgeGrade3 = await createTestProduct('fridge', { grade: 3, filedPriceFen: 399_900 })
    tv = await createTestProduct('tv', { grade: 1, filedPriceFen: 999_900 })
  })

  async function redeem(client: Client, body: ReturnType<typeof redemptionBody>, key = newKey()) {
    return client.post<Redemption & ErrorBody>('/api/v1/merchant/redemptions', body, { headers: { 'Idempotency-Key': key } })
  }

  it('lookup shows what a code is for; 201 redeems it charging the actual subsidy; retry returns it; the resident sees it', async () => {
    const resident = await verifiedResident()
    const v = await claim(resident, event.slug)
    const typed = `${v.code.slice(0, 4).toLowerCase()}-${v.code.slice(4)}`
    const lookup = await merchant.get<Lookup>(`/api/v1/merchant/vouchers/${typed}`)
    expect(lookup.status).toBe(200)
    expect(lookup.body).toMatchObject({ code: v.code, eventSlug: event.slug, categoryCode: 'fridge', status: 'active', nameMasked: '陈**', redeemable: true, capFen: 200_000 })
    expect(JSON.stringify(lookup.body)).not.toMatch(/userId|idHash|phone/)
    const before = await ledgerOf(event.slug)
    const key = newKey()
    const body = redemptionBody(typed, fridge, { priceFen: 499_900 })
    const res = await redeem(merchant, body, key)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ subsidyFen: 99_980, payableFen: 399_920, priceFen: 499_900, status: 'completed' })
    const after = await ledgerOf(event.slug)
    expect(after.reservedFen - before.reservedFen).toBe(-200_000)
    expect(after.spentFen - before.spentFen).toBe(99_980)
    expect(consistent(after)).toBe(true)
    const retry = await redeem(merchant, body, key)
    expect(retry.status).toBe(200)
    expect(retry.body.id).toBe(res.body.id)
    const mismatch = await redeem(merchant, { ...body, priceFen: 489_900 }, key)
    expect(mismatch.status).toBe(422)
    expect(mismatch.body.data.code).toBe('IDEMPOTENCY_MISMATCH')
    const mine = await resident.get<{ items: Array<{ id: string, status: string, redemption?: { subsidyFen: number, merchantName: string } }> }>('/api/v1/me/vouchers')
    expect(mine.body.items.find(i => i.id === v.id)).toMatchObject({ status: 'redeemed', redemption: { subsidyFen: 99_980 } })
    const own = await merchant.get<{ items: Array<{ id: string, voucherCode: string, productModel: string, voidableUntil: string }> }>('/api/v1/merchant/redemptions')
    expect(own.body.items.filter(i => i.id === res.body.id)).toHaveLength(1)
    // Used: lookup says so, a new key is refused with VOUCHER_USED, and the resident cannot cancel it.
    expect((await merchant.get<Lookup>(`/api/v1/merchant/vouchers/${v.code}`)).body).toMatchObject({ redeemable: false, reason: 'VOUCHER_USED' })
    expect((await redeem(merchant, redemptionBody(v.code, fridge))).body.data.code).toBe('VOUCHER_USED')
    expect((await resident.post<ErrorBody>(`/api/v1/me/vouchers/${v.id}/cancel`)).body.data.code).toBe('VOUCHER_USED')
    const audit = await (await adminClient()).get<{ items: Array<{ action: string }> }>(`/api/v1/admin/audit?entity=redemption:${res.body.id}`)
    expect(audit.body.items.map(a => a.action)).toContain('redemption.create')
  })

  it.each<[string, () => Record<string, unknown>]>([
    ['WRONG_CATEGORY', () => ({ productId: tv })],
    ['NOT_ELIGIBLE', () => ({ productId: fridgeGrade3, priceFen: 299_900 })],
    ['PRICE_ABOVE_FILED', () => ({ priceFen: 600_000 })],
    ['TRADE_IN_REQUIRED', () => ({ oldItem: undefined })],
  ])('409 %s, and nothing changes', async (code, override) => {
    const v = await claim(await verifiedResident(), event.slug)
    const before = await ledgerOf(event.slug)
    const res = await redeem(merchant, redemptionBody(v.code, fridge, override()))
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe(code)
    expect(await ledgerOf(event.slug)).toEqual(before)
  })

  it('409 PRICE_ABOVE_CEILING on a rule with a price ceiling; no trade-in needed there', async () => {
    const v = await claim(await verifiedResident(), event.slug, 'tv')
    const res = await redeem(merchant, redemptionBody(v.code, tv, { priceFen: 800_001, oldItem: undefined }))
    expect(res.body.data.code).toBe('PRICE_ABOVE_CEILING')
    const ok = await redeem(merchant, redemptionBody(v.code, tv, { priceFen: 800_000, oldItem: undefined }))
    expect(ok.status).toBe(201)
    // min(cap, 20 % of 8,000 yuan) = the 2,000-yuan cap.
    expect(ok.body.subsidyFen).toBe(160_000)
  })

  it('409 SN_ALREADY_REDEEMED (however the SN is typed) and INVOICE_DUPLICATE', async () => {
    const a = await claim(await verifiedResident(), event.slug)
    const b = await claim(await verifiedResident(), event.slug)
    const first = redemptionBody(a.code, fridge, { serialNo: `sn-${Date.now()}-a` })
    expect((await redeem(merchant, first)).status).toBe(201)
    const sn = await redeem(merchant, redemptionBody(b.code, fridge, { serialNo: first.serialNo.toUpperCase().replace(/-/g, ' ') }))
    expect(sn.body.data.code).toBe('SN_ALREADY_REDEEMED')
    const inv = await redeem(merchant, redemptionBody(b.code, fridge, { invoiceNo: first.invoiceNo }))
    expect(inv.body.data.code).toBe('INVOICE_DUPLICATE')
    // Another merchant may use the same invoice number.
    const other = (await enrolledMerchant(event.slug, ['fridge'])).client
    expect((await redeem(other, redemptionBody(b.code, fridge, { invoiceNo: first.invoiceNo }))).status).toBe(201)
  })

  it('409 NOT_ENROLLED and MERCHANT_NOT_APPROVED (also after a suspension); lookup gives the reason', async () => {
    const v = await claim(await verifiedResident(), event.slug)
    const { client: outsider } = await approvedMerchantClient(['fridge'])
    expect((await outsider.get<Lookup>(`/api/v1/merchant/vouchers/${v.code}`)).body).toMatchObject({ redeemable: false, reason: 'NOT_ENROLLED' })
    expect((await redeem(outsider, redemptionBody(v.code, fridge))).body.data.code).toBe('NOT_ENROLLED')
    const { client: pending } = await merchantClient('submitted', ['fridge'])
    expect((await pending.get<Lookup>(`/api/v1/merchant/vouchers/${v.code}`)).body.reason).toBe('MERCHANT_NOT_APPROVED')
    expect((await redeem(pending, redemptionBody(v.code, fridge))).body.data.code).toBe('MERCHANT_NOT_APPROVED')
    const suspended = await enrolledMerchant(event.slug, ['fridge'])
    const decided = await (await sharedReviewer()).post(`/api/v1/admin/merchants/${suspended.merchantId}/decision`, { action: 'suspend', reason: '核查中' })
    expect(decided.status).toBe(200)
    expect((await redeem(suspended.client, redemptionBody(v.code, fridge))).body.data.code).toBe('MERCHANT_NOT_APPROVED')
    expect(consistent(await ledgerOf(event.slug))).toBe(true)
  })

  it.skipIf(!hasDatabase)('409 VOUCHER_EXPIRED once the qualification has expired', async () => {
    const v = await claim(await verifiedResident(), event.slug)
    await expireVoucherNow(v.id)
    expect((await merchant.get<Lookup>(`/api/v1/merchant/vouchers/${v.code}`)).body).toMatchObject({ status: 'expired', reason: 'VOUCHER_EXPIRED' })
    const res = await redeem(merchant, redemptionBody(v.code, fridge))
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('VOUCHER_EXPIRED')
    expect(consistent(await ledgerOf(event.slug))).toBe(true)
  })

  it('void within 10 minutes: the qualification is active again with its cap; it can be redeemed again', async () => {
    const resident = await verifiedResident()
    const v = await claim(resident, event.slug)
    const sale = await redeem(merchant, redemptionBody(v.code, fridge))
    const before = await ledgerOf(event.slug)
    const { client: other } = await approvedMerchantClient()
    expect((await other.post(`/api/v1/merchant/redemptions/${sale.body.id}/void`)).status).toBe(404)
    const voided = await merchant.post<Redemption>(`/api/v1/merchant/redemptions/${sale.body.id}/void`)
    expect(voided.status).toBe(200)
    expect(voided.body.status).toBe('voided')
    const after = await ledgerOf(event.slug)
    expect(after.spentFen - before.spentFen).toBe(-sale.body.subsidyFen)
    expect(after.reservedFen - before.reservedFen).toBe(200_000)
    expect(consistent(after)).toBe(true)
    const mine = await resident.get<{ items: Array<{ id: string, status: string }> }>('/api/v1/me/vouchers')
    expect(mine.body.items.find(i => i.id === v.id)?.status).toBe('active')
    expect((await merchant.post<ErrorBody>(`/api/v1/merchant/redemptions/${sale.body.id}/void`)).body.data.code).toBe('INVALID_TRANSITION')
    // The voided sale's SN and invoice may be entered again, right this time.
    expect((await redeem(merchant, redemptionBody(v.code, fridge))).status).toBe(201)
  })

  it.skipIf(!hasDatabase)('void of a sale whose qualification has expired: it stays expired and gives its place back', async () => {
    const v = await claim(await verifiedResident(), event.slug)
    const sale = await redeem(merchant, redemptionBody(v.code, fridge))
    await expireVoucherNow(v.id)
    const before = await ledgerOf(event.slug)
    expect((await merchant.post(`/api/v1/merchant/redemptions/${sale.body.id}/void`)).status).toBe(200)
    const after = await ledgerOf(event.slug)
    expect(after.claimed - before.claimed).toBe(-1)
    expect(after.reservedFen).toBe(before.reservedFen)
    expect(consistent(after)).toBe(true)
  })

  it.skipIf(!hasDatabase)('409 VOID_WINDOW_PASSED after 10 minutes; a reviewer reverses it instead (subsidy back, qualification stays used)', async () => {
    const v = await claim(await verifiedResident(), event.slug)
    const sale = await redeem(merchant, redemptionBody(v.code, fridge, { priceFen: 599_900 }))
    expect(sale.body.subsidyFen).toBe(119_980)
    await ageRedemption(sale.body.id, 11)
    const late = await merchant.post<ErrorBody>(`/api/v1/merchant/redemptions/${sale.body.id}/void`)
    expect(late.status).toBe(409)
    expect(late.body.data.code).toBe('VOID_WINDOW_PASSED')
    const reviewer = await sharedReviewer()
    const flagged = await reviewer.get<{ items: Array<{ id: string, flags: string[] }> }>(`/api/v1/admin/redemptions?flagged=true&pageSize=100`)
    expect(flagged.body.items.find(i => i.id === sale.body.id)?.flags).toContain('PRICE_NEAR_FILED')
    const before = await ledgerOf(event.slug)
    const reversed = await reviewer.post<Redemption>(`/api/v1/admin/redemptions/${sale.body.id}/reverse`, { reason: '发票与型号不符' })
    expect(reversed.status).toBe(200)
    expect(reversed.body.status).toBe('reversed')
    const after = await ledgerOf(event.slug)
    expect(after.spentFen - before.spentFen).toBe(-119_980)
    expect(after.claimed).toBe(before.claimed)
    expect(consistent(after)).toBe(true)
    expect((await merchant.get<Lookup>(`/api/v1/merchant/vouchers/${v.code}`)).body.status).toBe('redeemed')
    expect((await reviewer.post<ErrorBody>(`/api/v1/admin/redemptions/${sale.body.id}/reverse`, { reason: 'again' })).body.data.code).toBe('INVALID_TRANSITION')
    const audit = await (await adminClient()).get<{ items: Array<{ action: string, reason: string | null }> }>(`/api/v1/admin/audit?entity=redemption:${sale.body.id}`)
    expect(audit.body.items.find(a => a.action === 'redemption.reverse')?.reason).toBe('发票与型号不符')
  })

  it('the monthly statement counts own completed sales of the month (China time)', async () => {
    const { client } = await enrolledMerchant(event.slug, ['fridge'])
    const v = await claim(await verifiedResident(), event.slug)
    const sale = await redeem(client, redemptionBody(v.code, fridge, { priceFen: 300_000 }))
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)
    const res = await client.get<{ count: number, subsidyFen: number, salesFen: number, categories: Array<{ categoryCode: string, count: number }> }>(`/api/v1/merchant/statements?month=${month}`)
    expect(res.body).toMatchObject({ count: 1, subsidyFen: sale.body.subsidyFen, salesFen: 300_000 })
    expect(res.body.categories).toEqual([{ categoryCode: 'fridge', count: 1, subsidyFen: 60_000, salesFen: 300_000 }])
  })

  it('public stats show redemptions and subsidy per category', async () => {
    const stats = await new Client().get<{ events: Array<{ slug: string, categories: Array<{ categoryCode: string, redemptions: number, subsidyFen: number }> }> }>('/api/v1/stats')
    const mine = stats.body.events.find(e => e.slug === event.slug)
    // Cached for a short while: the event may not be in a cached answer yet.
    if (mine) expect(mine.categories.find(c => c.categoryCode === 'fridge')).toHaveProperty('redemptions')
  })
})
