import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import type { EventLedgerDto } from '#shared/types/event-ledger'
import { events, qualificationReleases, vouchers } from '~~/server/db/schema'
import { adminClient, Client } from '../support/client'
import type { ErrorBody } from '../support/http'
import { approvedMerchantClient, sharedReviewer } from '../support/merchants'
import {
  claim, closeTestDb, createTestEvent, createTestProduct, enrolledMerchant, expireVoucherNow, hasDatabase, newKey,
  redemptionBody, testDb, verifiedResident,
} from '../support/vouchers'

afterAll(closeTestDb)

const ledgerPath = (slug: string) => `/api/v1/admin/events/${slug}/ledger`

async function ledger(client: Client, slug: string): Promise<EventLedgerDto> {
  const res = await client.get<EventLedgerDto>(ledgerPath(slug))
  expect(res.status).toBe(200)
  return res.body
}

describe('GET /api/v1/admin/events/{slug}/ledger — who may read it', () => {
  it('401 anonymous, 403 resident and merchant; reviewer and admin read it; 404 for an unknown event, 400 for a malformed slug', async () => {
    const event = await createTestEvent({ rules: [{ code: 'fridge' }] })
    expect((await new Client().get<ErrorBody>(ledgerPath(event.slug))).status).toBe(401)
    const resident = await verifiedResident()
    const forbidden = await resident.get<ErrorBody>(ledgerPath(event.slug))
    expect(forbidden.status).toBe(403)
    expect(forbidden.body.data.code).toBe('FORBIDDEN')
    const { client: merchant } = await approvedMerchantClient()
    expect((await merchant.get(ledgerPath(event.slug))).status).toBe(403)
    for (const staff of [await sharedReviewer(), await adminClient()]) {
      expect((await ledger(staff, event.slug)).eventSlug).toBe(event.slug)
    }
    const unknown = await (await sharedReviewer()).get<ErrorBody>(ledgerPath('no-such-event'))
    expect(unknown.status).toBe(404)
    expect(unknown.body.data.code).toBe('NOT_FOUND')
    expect((await (await sharedReviewer()).get(ledgerPath('Not_A_Slug!'))).status).toBe(400)
  })
})

describe('the ledger answers for every yuan', () => {
  it('a new event: the budget is all available, every category at zero, consistent', async () => {
    const event = await createTestEvent({ budgetFen: 5_000_000, rules: [{ code: 'fridge', quota: 7 }, { code: 'tv', quota: 3 }] })
    expect(await ledger(await sharedReviewer(), event.slug)).toEqual({
      eventSlug: event.slug,
      budgetFen: 5_000_000,
      reservedFen: 0,
      spentFen: 0,
      availableFen: 5_000_000,
      claimed: 0,
      recomputed: { liveVouchers: 0, activeCapsFen: 0, completedSubsidyFen: 0 },
      consistent: true,
      byCategory: [
        { categoryCode: 'fridge', quota: 7, claimed: 0, liveVouchers: 0, activeVouchers: 0, redeemedVouchers: 0, activeCapsFen: 0, completedRedemptions: 0, completedSubsidyFen: 0 },
        { categoryCode: 'tv', quota: 3, claimed: 0, liveVouchers: 0, activeVouchers: 0, redeemedVouchers: 0, activeCapsFen: 0, completedRedemptions: 0, completedSubsidyFen: 0 },
      ],
    })
  })

  it('after claims, a cancellation, redemptions, a void and a reversal it adds up to the expected figures', async () => {
    const event = await createTestEvent({ budgetFen: 10_000_000, quota: 5 })
    const fridge = await createTestProduct('fridge', { grade: 1, filedPriceFen: 599_900 })
    const { client: merchant } = await enrolledMerchant(event.slug, ['fridge'])
    const [a, b, c, d, e] = await Promise.all(Array.from({ length: 5 }, () => verifiedResident()))
    const va = await claim(a!, event.slug)
    const vb = await claim(b!, event.slug)
    const vc = await claim(c!, event.slug)
    const vd = await claim(d!, event.slug)
    await claim(e!, event.slug, 'tv')
    const redeem = async (code: string, priceFen: number) => {
      const res = await merchant.post<{ id: string, subsidyFen: number }>('/api/v1/merchant/redemptions', redemptionBody(code, fridge, { priceFen }), { headers: { 'Idempotency-Key': newKey() } })
      expect(res.status).toBe(201)
      return res.body
    }

    // a cancels: the place and the reservation go back.
    expect((await a!.post(`/api/v1/me/vouchers/${va.id}/cancel`)).status).toBe(200)
    // b buys for 4,999 yuan: 20 % = 999.80 yuan spent.
    expect((await redeem(vb.code, 499_900)).subsidyFen).toBe(99_980)
    // c buys, then the merchant voids the sale: c's qualification is active again, nothing spent.
    const sale = await redeem(vc.code, 599_900)
    expect((await merchant.post(`/api/v1/merchant/redemptions/${sale.id}/void`)).status).toBe(200)
    // d buys for 3,000 yuan; a reviewer reverses it: the subsidy goes back, the qualification stays used.
    const reversed = await redeem(vd.code, 300_000)
    expect((await (await sharedReviewer()).post(`/api/v1/admin/redemptions/${reversed.id}/reverse`, { reason: '发票与型号不符' })).status).toBe(200)

    const l = await ledger(await adminClient(), event.slug)
    expect(l).toEqual({
      eventSlug: event.slug,
      budgetFen: 10_000_000,
      // c's fridge and e's TV are active and reserve their caps.
      reservedFen: 400_000,
      spentFen: 99_980,
      availableFen: 10_000_000 - 400_000 - 99_980,
      claimed: 4,
      recomputed: { liveVouchers: 4, activeCapsFen: 400_000, completedSubsidyFen: 99_980 },
      consistent: true,
      byCategory: [
        { categoryCode: 'fridge', quota: 5, claimed: 3, liveVouchers: 3, activeVouchers: 1, redeemedVouchers: 2, activeCapsFen: 200_000, completedRedemptions: 1, completedSubsidyFen: 99_980 },
        { categoryCode: 'tv', quota: 5, claimed: 1, liveVouchers: 1, activeVouchers: 1, redeemedVouchers: 0, activeCapsFen: 200_000, completedRedemptions: 0, completedSubsidyFen: 0 },
      ],
    })
  })

  it.skipIf(!hasDatabase)('an expired qualification is swept before counting: its place and reservation are back', async () => {
    const event = await createTestEvent({ rules: [{ code: 'fridge' }] })
    await claim(await verifiedResident(), event.slug)
    const lapsed = await claim(await verifiedResident(), event.slug)
    await expireVoucherNow(lapsed.id)
    const l = await ledger(await sharedReviewer(), event.slug)
    expect(l).toMatchObject({ reservedFen: 200_000, claimed: 1, recomputed: { liveVouchers: 1, activeCapsFen: 200_000, completedSubsidyFen: 0 }, consistent: true })
    expect(l.byCategory).toEqual([expect.objectContaining({ categoryCode: 'fridge', claimed: 1, activeVouchers: 1 })])
  })

  it.skipIf(!hasDatabase)('a running total that disagrees with the recount is reported as not consistent', async () => {
    const event = await createTestEvent({ rules: [{ code: 'fridge' }] })
    await claim(await verifiedResident(), event.slug)
    expect((await ledger(await sharedReviewer(), event.slug)).consistent).toBe(true)
    // A state no API can produce: one yuan reserved that no qualification holds.
    const { db } = await testDb()
    await db.update(events).set({ reservedFen: sql`${events.reservedFen} + 100` }).where(eq(events.slug, event.slug))
    const l = await ledger(await sharedReviewer(), event.slug)
    expect(l).toMatchObject({ reservedFen: 200_100, recomputed: { activeCapsFen: 200_000 }, consistent: false })
  })
})

describe('a backlog of due qualifications', () => {
  it.skipIf(!hasDatabase)('more than one sweep batch (1,000) due at once is cleared before the figures are read', async () => {
    const event = await createTestEvent({ rules: [{ code: 'fridge' }], quota: 5000 })
    const holder = await claim(await verifiedResident(), event.slug)
    const { db } = await testDb()
    const [owner] = await db.select({ userId: vouchers.userId }).from(vouchers).where(eq(vouchers.id, holder.id))
    // A rush of claims three days ago, all due now: written as the claim route would have left them.
    const BACKLOG = 2_345
    await db.insert(vouchers).values(Array.from({ length: BACKLOG }, (_, i) => ({
      code: `B${randomUUID().replace(/-/g, '').slice(0, 15).toUpperCase()}${i}`,
      eventId: event.id,
      categoryCode: 'fridge',
      releaseId: event.releaseIds.fridge!,
      userId: owner!.userId,
      identityHash: `backlog-${event.id}-${i}`,
      slot: 1,
      capFen: 200_000,
      expiresAt: new Date(Date.now() - 60_000),
      createdAt: new Date(Date.now() - 3 * 86_400_000),
    })))
    await db.update(qualificationReleases).set({ claimed: sql`${qualificationReleases.claimed} + ${BACKLOG}` }).where(eq(qualificationReleases.id, event.releaseIds.fridge!))
    await db.update(events).set({ reservedFen: sql`${events.reservedFen} + ${BACKLOG * 200_000}` }).where(eq(events.id, event.id))

    const l = await ledger(await sharedReviewer(), event.slug)
    expect(l).toMatchObject({ reservedFen: 200_000, claimed: 1, recomputed: { liveVouchers: 1, activeCapsFen: 200_000 }, consistent: true })
    const [expired] = await db.select({ n: sql<number>`count(*)::int` }).from(vouchers).where(and(eq(vouchers.eventId, event.id), eq(vouchers.status, 'expired')))
    expect(expired!.n).toBe(BACKLOG)
  })
})

describe('the demo data reconciles', () => {
  it('every demo event: budget, reserved, spent and claimed agree with the qualifications and sales behind them', async () => {
    const reviewer = await sharedReviewer()
    for (const slug of ['appliance-2026', 'home-2026', 'gas-2026', 'car-show-2026', 'digital-2027']) {
      const l = await ledger(reviewer, slug)
      expect(l.consistent, slug).toBe(true)
      expect(l.reservedFen, slug).toBe(l.recomputed.activeCapsFen)
      expect(l.spentFen, slug).toBe(l.recomputed.completedSubsidyFen)
      expect(l.claimed, slug).toBe(l.recomputed.liveVouchers)
    }
    // The running events have real claims and sales behind their figures; the ended car show only sales.
    const appliance = await ledger(reviewer, 'appliance-2026')
    expect(appliance.recomputed.liveVouchers).toBeGreaterThan(500)
    expect(appliance.spentFen).toBeGreaterThan(0)
    const cars = await ledger(reviewer, 'car-show-2026')
    expect(cars.reservedFen).toBe(0)
    expect(cars.spentFen).toBeGreaterThan(0)
  })
})
