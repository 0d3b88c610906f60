import { afterAll, describe, expect, it } from 'vitest'
import { Client, adminClient } from '../support/client'
import type { ErrorBody } from '../support/http'
import { merchantClient } from '../support/merchants'
import {
  claim, closeTestDb, consistent, createTestEvent, expireVoucherNow, hasDatabase, ledgerOf, verifiedResident, type ClaimedVoucher,
} from '../support/vouchers'

afterAll(closeTestDb)

interface MyVouchers { items: Array<ClaimedVoucher & { createdAt: string, redemption?: unknown }> }

describe('POST /api/v1/events/{slug}/vouchers — who may claim', () => {
  it('401 anonymous, 403 for a merchant, 403 IDENTITY_REQUIRED for an unverified resident', async () => {
    const anonymous = new Client()
    expect((await anonymous.post('/api/v1/events/appliance-2026/vouchers', { categoryCode: 'fridge' })).status).toBe(401)
    const { client: merchant } = await merchantClient('profile')
    expect((await merchant.post('/api/v1/events/appliance-2026/vouchers', { categoryCode: 'fridge' })).status).toBe(403)
    const admin = await adminClient()
    expect((await admin.post('/api/v1/events/appliance-2026/vouchers', { categoryCode: 'fridge' })).status).toBe(403)
    const resident = new Client()
    await resident.register('resident')
    const res = await resident.post<ErrorBody>('/api/v1/events/appliance-2026/vouchers', { categoryCode: 'fridge' })
    expect(res.status).toBe(403)
    expect(res.body.data.code).toBe('IDENTITY_REQUIRED')
    expect((await resident.get<MyVouchers>('/api/v1/me/vouchers')).body.items).toEqual([])
  })

  it('400 on bad input (naming the field) and 404 for an unknown event; nothing is claimed', async () => {
    const resident = await verifiedResident()
    for (const body of [{}, { categoryCode: 'FRIDGE!' }, { categoryCode: 42 }]) {
      const res = await resident.post<ErrorBody>('/api/v1/events/appliance-2026/vouchers', body)
      expect(res.status).toBe(400)
      expect(res.body.data.issues?.map(i => i.path)).toContain('categoryCode')
    }
    expect((await resident.post<ErrorBody>('/api/v1/events/no-such-event/vouchers', { categoryCode: 'fridge' })).body.data.code).toBe('NOT_FOUND')
    expect((await resident.post<ErrorBody>('/api/v1/events/appliance-2027-spring/vouchers', { categoryCode: 'fridge' })).status).toBe(404)
    expect((await resident.get<MyVouchers>('/api/v1/me/vouchers')).body.items).toEqual([])
  })

  it('409 NOT_ELIGIBLE for a category the event does not cover', async () => {
    const resident = await verifiedResident()
    const res = await resident.post<ErrorBody>('/api/v1/events/appliance-2026/vouchers', { categoryCode: 'phone' })
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('NOT_ELIGIBLE')
  })

  it('CSRF: a claim without Origin is refused', async () => {
    const resident = await verifiedResident()
    expect((await resident.post('/api/v1/events/appliance-2026/vouchers', { categoryCode: 'fridge' }, { origin: null })).status).toBe(403)
  })
})

describe('GET /api/v1/me/vouchers and cancel — roles and input', () => {
  it('401 anonymous, 403 merchant; cancel of an unknown id is 404, a malformed id 400', async () => {
    expect((await new Client().get('/api/v1/me/vouchers')).status).toBe(401)
    const { client: merchant } = await merchantClient('profile')
    expect((await merchant.get('/api/v1/me/vouchers')).status).toBe(403)
    expect((await merchant.post('/api/v1/me/vouchers/00000000-0000-4000-8000-000000000000/cancel')).status).toBe(403)
    const resident = await verifiedResident()
    expect((await resident.post('/api/v1/me/vouchers/00000000-0000-4000-8000-000000000000/cancel')).status).toBe(404)
    expect((await resident.post('/api/v1/me/vouchers/not-a-uuid/cancel')).status).toBe(400)
  })
})

// The tests below set up their own events through the admin API. Those that move a qualification's expiry into
// the past, or need a rule the API refuses, reach into the database: PostgreSQL run only (see test/support/vouchers.ts).
describe('claiming on an event under test control', () => {
  it('201 claims a qualification: code, cap reserved, quota taken, listed, audited', async () => {
    const event = await createTestEvent({ quota: 5 })
    const resident = await verifiedResident()
    const before = await ledgerOf(event.slug)
    const res = await resident.post<ClaimedVoucher>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ categoryCode: 'fridge', status: 'active', capFen: 200_000, eventSlug: event.slug })
    expect(res.body.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    const days = (new Date(res.body.expiresAt).getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(2.99)
    expect(days).toBeLessThan(3.01)
    const after = await ledgerOf(event.slug)
    expect(after.reservedFen - before.reservedFen).toBe(200_000)
    expect(after.claimed).toBe(1)
    expect(consistent(after)).toBe(true)
    const mine = await resident.get<MyVouchers>('/api/v1/me/vouchers')
    expect(mine.body.items[0]).toMatchObject({ id: res.body.id, code: res.body.code, eventSlug: event.slug, status: 'active' })
    const audit = await (await adminClient()).get<{ items: Array<{ action: string }> }>(`/api/v1/admin/audit?entity=voucher:${res.body.id}`)
    expect(audit.body.items.map(a => a.action)).toContain('voucher.claim')
  })

  it('409 ALREADY_CLAIMED: one per person per category; air conditioners up to the rule\'s limit', async () => {
    const event = await createTestEvent({ rules: [{ code: 'fridge' }, { code: 'ac', perPersonLimit: 3 }] })
    const resident = await verifiedResident()
    await claim(resident, event.slug, 'fridge')
    const again = await resident.post<ErrorBody>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })
    expect(again.status).toBe(409)
    expect(again.body.data.code).toBe('ALREADY_CLAIMED')
    for (let i = 0; i < 3; i++) await claim(resident, event.slug, 'ac')
    expect((await resident.post<ErrorBody>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'ac' })).body.data.code).toBe('ALREADY_CLAIMED')
    expect(consistent(await ledgerOf(event.slug))).toBe(true)
  })

  it('409 SOLD_OUT when the release quota is taken', async () => {
    const event = await createTestEvent({ quota: 1 })
    await claim(await verifiedResident(), event.slug)
    const res = await (await verifiedResident()).post<ErrorBody>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('SOLD_OUT')
    expect((await ledgerOf(event.slug)).claimed).toBe(1)
  })

  it('409 NOT_OPEN before the release opens, with the next opening', async () => {
    const event = await createTestEvent({ release: 'later' })
    const res = await (await verifiedResident()).post<ErrorBody & { data: { opensAt?: string } }>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('NOT_OPEN')
    expect(new Date(res.body.data.opensAt!).getTime()).toBeGreaterThan(Date.now())
  })

  it('409 BUDGET_EXHAUSTED when the budget cannot hold another cap', async () => {
    const event = await createTestEvent({ budgetFen: 300_000 })
    await claim(await verifiedResident(), event.slug)
    const res = await (await verifiedResident()).post<ErrorBody>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('BUDGET_EXHAUSTED')
    const ledger = await ledgerOf(event.slug)
    // The refused claim took nothing: its quota place was rolled back with it.
    expect(ledger).toMatchObject({ claimed: 1, reservedFen: 200_000 })
  })

  it.skipIf(!hasDatabase)('409 NOT_ELIGIBLE for a rate rule without a cap (nothing to reserve)', async () => {
    const event = await createTestEvent({ rules: [{ code: 'fridge', capFen: null }] })
    const res = await (await verifiedResident()).post<ErrorBody>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })
    expect(res.body.data.code).toBe('NOT_ELIGIBLE')
  })

  it.skipIf(!hasDatabase)('expiry gives back quota and reservation; re-claim at most twice, then 409 RECLAIM_LIMIT', async () => {
    const event = await createTestEvent({ quota: 3 })
    const resident = await verifiedResident()
    for (let round = 0; round < 3; round++) {
      const v = await claim(resident, event.slug)
      await expireVoucherNow(v.id)
      const mine = await resident.get<MyVouchers>('/api/v1/me/vouchers')
      expect(mine.body.items.find(i => i.id === v.id)?.status).toBe('expired')
      expect(await ledgerOf(event.slug)).toMatchObject({ claimed: 0, reservedFen: 0 })
    }
    const res = await resident.post<ErrorBody>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('RECLAIM_LIMIT')
    // Another category of the same event counts the same expiries.
    expect((await resident.post<ErrorBody>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'tv' })).body.data.code).toBe('RECLAIM_LIMIT')
    const audit = await (await adminClient()).get<{ items: Array<{ action: string, actorRole: string | null }> }>(`/api/v1/admin/audit?entity=voucher:${(await resident.get<MyVouchers>('/api/v1/me/vouchers')).body.items[0]!.id}`)
    expect(audit.body.items.map(a => a.action)).toContain('voucher.expire')
  })

  it.skipIf(!hasDatabase)('the public event detail sweeps expired qualifications before counting', async () => {
    const event = await createTestEvent({ quota: 2 })
    const v = await claim(await verifiedResident(), event.slug)
    await expireVoucherNow(v.id)
    // No resident action: the event page (its first, uncached read) gives the place back.
    const detail = await new Client().get<{ releases: Array<{ remaining: number }>, reservedFen: number }>(`/api/v1/events/${event.slug}`)
    expect(detail.body.releases[0]!.remaining).toBe(2)
    expect(detail.body.reservedFen).toBe(0)
  })

  it('cancel: own active voucher → 200 and everything back; again → 409; another resident\'s → 404', async () => {
    const event = await createTestEvent()
    const owner = await verifiedResident()
    const v = await claim(owner, event.slug)
    const stranger = await verifiedResident()
    expect((await stranger.post(`/api/v1/me/vouchers/${v.id}/cancel`)).status).toBe(404)
    const res = await owner.post<{ status: string }>(`/api/v1/me/vouchers/${v.id}/cancel`)
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('cancelled')
    expect(await ledgerOf(event.slug)).toMatchObject({ claimed: 0, reservedFen: 0 })
    const again = await owner.post<ErrorBody>(`/api/v1/me/vouchers/${v.id}/cancel`)
    expect(again.status).toBe(409)
    expect(again.body.data.code).toBe('VOUCHER_EXPIRED')
    // A cancellation does not count as an expiry: the resident may claim again.
    await claim(owner, event.slug)
    expect(consistent(await ledgerOf(event.slug))).toBe(true)
  })

  it.skipIf(!hasDatabase)('cancel of an expired voucher → 409 VOUCHER_EXPIRED; the ledger stays consistent', async () => {
    const event = await createTestEvent()
    const owner = await verifiedResident()
    const v = await claim(owner, event.slug)
    expect((await owner.post(`/api/v1/me/vouchers/${v.id}/cancel`)).status).toBe(200)
    await claim(owner, event.slug)
    const w = await claim(owner, event.slug, 'tv')
    await expireVoucherNow(w.id)
    expect((await owner.post<ErrorBody>(`/api/v1/me/vouchers/${w.id}/cancel`)).body.data.code).toBe('VOUCHER_EXPIRED')
    expect(consistent(await ledgerOf(event.slug))).toBe(true)
  })
})
