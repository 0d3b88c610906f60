import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from '#shared/types/public'
import type { Client } from '../support/client'
import { startBuiltServer } from '../support/server'
import {
  claim, closeTestDb, databaseUrl, consistent, createTestEvent, createTestProduct, enrolledMerchant, hasDatabase, ledgerOf, newKey,
  redemptionBody, verifiedResidents,
} from '../support/vouchers'

afterAll(closeTestDb)

/** A merchant's own redemptions (every status), newest first. */
async function ownRedemptions(client: Client) {
  const res = await client.get<Page<{ id: string, voucherCode: string }>>('/api/v1/merchant/redemptions?pageSize=100')
  expect(res.status).toBe(200)
  return res.body
}

/**
 * The guarantees of rule 5 and 7 under concurrency. Against PostgreSQL the server runs a pool of connections,
 * so requests really overlap; the embedded PGlite serialises them, so there the same numbers check the
 * arithmetic of the guards rather than their races. Two app processes need a database both can reach: PostgreSQL only.
 */
describe('concurrency', () => {
  let residents: Client[]

  beforeAll(async () => {
    residents = await verifiedResidents(220, 20)
  }, 600_000)

  it('220 concurrent claims against a quota of 50: exactly 50 succeed, the rest are SOLD_OUT', async () => {
    const event = await createTestEvent({ quota: 50, rules: [{ code: 'fridge' }] })
    const results = await Promise.all(residents.map(r => r.post<{ data?: { code: string } }>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })))
    const created = results.filter(r => r.status === 201).length
    const soldOut = results.filter(r => r.status === 409 && r.body.data?.code === 'SOLD_OUT').length
    console.info(`[concurrency] quota 50, ${residents.length} claims: ${created} created, ${soldOut} SOLD_OUT, others ${results.length - created - soldOut}`)
    expect(created).toBe(50)
    expect(soldOut).toBe(residents.length - 50)
    const ledger = await ledgerOf(event.slug)
    expect(ledger.claimed).toBe(50)
    expect(ledger.liveVouchers).toBe(50)
    expect(ledger.reservedFen).toBe(50 * 200_000)
    expect(consistent(ledger)).toBe(true)
  }, 120_000)

  it('concurrent claims against a budget covering exactly 7 caps: exactly 7 succeed', async () => {
    const event = await createTestEvent({ quota: 1000, budgetFen: 7 * 200_000 + 199_999, rules: [{ code: 'fridge' }] })
    const results = await Promise.all(residents.slice(0, 120).map(r => r.post<{ data?: { code: string } }>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })))
    const created = results.filter(r => r.status === 201).length
    console.info(`[concurrency] budget for 7 caps, 120 claims: ${created} created`)
    expect(created).toBe(7)
    expect(results.filter(r => r.status === 409 && r.body.data?.code === 'BUDGET_EXHAUSTED')).toHaveLength(113)
    const ledger = await ledgerOf(event.slug)
    expect(ledger).toMatchObject({ claimed: 7, liveVouchers: 7, reservedFen: 1_400_000 })
    expect(consistent(ledger)).toBe(true)
  }, 120_000)

  it.skipIf(!hasDatabase)('claims spread over two app processes on one database: quota 30, 120 claims → exactly 30', async () => {
    // A second built server on the same PostgreSQL database: no in-process lock can help here.
    const second = await startBuiltServer({ label: 'it2', database: 'given', env: { DATABASE_URL: databaseUrl!, DEMO_DATA: '0' } })
    try {
      const event = await createTestEvent({ quota: 30, rules: [{ code: 'tv' }] })
      const results = await Promise.all(residents.slice(0, 120).map(async (r, i) => {
        const base = i % 2 === 0 ? r.base : second.url
        // Sessions live in the database, so the same cookie works on both processes.
        const res = await fetch(`${base}/api/v1/events/${event.slug}/vouchers`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'cookie': r.cookie, 'origin': base },
          body: JSON.stringify({ categoryCode: 'tv' }),
        })
        return { status: res.status, code: ((await res.json()) as { data?: { code?: string } }).data?.code }
      }))
      const created = results.filter(r => r.status === 201).length
      console.info(`[concurrency] two processes, quota 30, 120 claims: ${created} created, ${results.filter(r => r.code === 'SOLD_OUT').length} SOLD_OUT`)
      expect(created).toBe(30)
      expect(results.filter(r => r.status === 409 && r.code === 'SOLD_OUT')).toHaveLength(90)
      const ledger = await ledgerOf(event.slug)
      expect(ledger).toMatchObject({ claimed: 30, liveVouchers: 30, reservedFen: 30 * 200_000 })
      expect(consistent(ledger)).toBe(true)
    }
    finally {
      await second.stop()
    }
  }, 180_000)

  it('one person claiming 10 times at once gets one qualification', async () => {
    const event = await createTestEvent({ rules: [{ code: 'fridge' }] })
    const results = await Promise.all(Array.from({ length: 10 }, () => residents[0]!.post(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })))
    expect(results.filter(r => r.status === 201)).toHaveLength(1)
    expect(results.filter(r => r.status === 409)).toHaveLength(9)
    expect(consistent(await ledgerOf(event.slug))).toBe(true)
  })

  it('one code redeemed at two merchants at once: exactly one succeeds', async () => {
    const event = await createTestEvent({ rules: [{ code: 'fridge' }] })
    const product = await createTestProduct('fridge')
    const [a, b] = await Promise.all([enrolledMerchant(event.slug, ['fridge']), enrolledMerchant(event.slug, ['fridge'])])
    for (let round = 0; round < 5; round++) {
      const v = await claim(residents[10 + round]!, event.slug)
      const results = await Promise.all([a!, b!].map(m => m.client.post<{ data?: { code: string } }>('/api/v1/merchant/redemptions', redemptionBody(v.code, product), { headers: { 'Idempotency-Key': newKey() } })))
      expect(results.map(r => r.status).sort()).toEqual([201, 409])
      expect(results.find(r => r.status === 409)?.body.data?.code).toBe('VOUCHER_USED')
      // Only these two merchants tried the code: between them, one redemption of it exists.
      const lists = await Promise.all([a!, b!].map(m => ownRedemptions(m.client)))
      expect(lists.flatMap(l => l.items).filter(r => r.voucherCode === v.code)).toHaveLength(1)
    }
    expect(consistent(await ledgerOf(event.slug))).toBe(true)
  }, 60_000)

  it('the same Idempotency-Key sent 10 times at once: one redemption, every answer carries its id', async () => {
    const event = await createTestEvent({ rules: [{ code: 'fridge' }] })
    const product = await createTestProduct('fridge')
    const { client } = await enrolledMerchant(event.slug, ['fridge'])
    const v = await claim(residents[20]!, event.slug)
    const key = newKey()
    const body = redemptionBody(v.code, product)
    const results = await Promise.all(Array.from({ length: 10 }, () => client.post<{ id: string }>('/api/v1/merchant/redemptions', body, { headers: { 'Idempotency-Key': key } })))
    console.info(`[concurrency] same key x10: statuses ${results.map(r => r.status).join(',')}`)
    expect(results.filter(r => r.status === 201)).toHaveLength(1)
    expect(results.filter(r => r.status === 200)).toHaveLength(9)
    expect(new Set(results.map(r => r.body.id)).size).toBe(1)
    // A new merchant that only ever sent this key: it has exactly one redemption, the one every answer named.
    const own = await ownRedemptions(client)
    expect(own.total).toBe(1)
    expect(own.items[0]!.id).toBe(results[0]!.body.id)
    expect(consistent(await ledgerOf(event.slug))).toBe(true)
  }, 60_000)
})
