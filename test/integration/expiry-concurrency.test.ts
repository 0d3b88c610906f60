import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorBody } from '../support/http'
import type { Client } from '../support/client'
import {
  claim, closeTestDb, consistent, createTestEvent, createTestProduct, enrolledMerchant, expireVoucherNow, hasDatabase, ledgerOf,
  newKey, redemptionBody, testDb, verifiedResident, verifiedResidents, type ClaimedVoucher,
} from '../support/vouchers'
import { expireDueVouchers } from '~~/server/services/vouchers'
import { sqlState } from '~~/server/utils/db-errors'
import { transactionWithRetry } from '~~/server/utils/transaction-retry'

afterAll(closeTestDb)

/** The sweep's advisory lock key (server/services/vouchers.ts): holding it stands for a sweep running elsewhere. */
const SWEEP_LOCK_KEY = 7_304_211

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Deadlocks PostgreSQL has detected in the test database so far. */
async function deadlocks(): Promise<number> {
  const { rows } = await testDb()
  const [row] = await rows<{ n: number }>(sql`select deadlocks::int as n from pg_stat_database where datname = current_database()`)
  return Number(row?.n ?? 0)
}

/**
 * Each backend reports its counters when it goes idle, at most once a second and otherwise within ten
 * (PostgreSQL 15's PGSTAT_IDLE_INTERVAL): wait that long before believing a count of none.
 */
async function deadlocksSettled(): Promise<number> {
  await sleep(11_000)
  return deadlocks()
}

/**
 * The expiry sweep (lazy, before money operations, and on a timer) against the claims, cancels and sales of
 * the same release and event. Each takes the release and event rows; a sweep that took the event first
 * deadlocked with a claim holding the release, and the victim's request answered 500. PostgreSQL only: the
 * test moves expiry dates in the database and runs sweeps of its own on other connections.
 */
describe.skipIf(!hasDatabase)('the expiry sweep beside the crowd', () => {
  let residents: Client[]

  beforeAll(async () => {
    residents = await verifiedResidents(160, 20)
  }, 600_000)

  it('sweeps running through claims, cancels and redemptions on one release: no 5xx, no deadlock, the ledger holds', async () => {
    const event = await createTestEvent({ quota: 400, rules: [{ code: 'fridge' }] })
    const product = await createTestProduct('fridge')
    const merchant = await enrolledMerchant(event.slug, ['fridge'])
    const toExpire = residents.slice(0, 50)
    const toCancel = residents.slice(50, 80)
    const toRedeem = residents.slice(80, 110)
    const claimers = residents.slice(110, 160)
    const held = async (group: Client[]) => Promise.all(group.map(r => claim(r, event.slug)))
    const [expiring, cancelling, redeeming] = [await held(toExpire), await held(toCancel), await held(toRedeem)]
    const before = await deadlocks()

    const statuses: number[] = []
    const sweepErrors: unknown[] = []
    const record = (status: number) => {
      statuses.push(status)
    }
    const { db } = await testDb()
    // Qualifications fall due one after another while everything else runs, each swept at once from here
    // (as another app process would) and by whichever request comes next.
    const expiries = (async () => {
      for (const v of expiring) {
        await expireVoucherNow(v.id)
        await expireDueVouchers(db, new Date()).catch((error: unknown) => sweepErrors.push(error))
      }
    })()
    const waves = async <T>(items: T[], send: (item: T) => Promise<number>) => {
      for (let i = 0; i < items.length; i += 10) {
        (await Promise.all(items.slice(i, i + 10).map(send))).forEach(record)
      }
    }
    await Promise.all([
      expiries,
      waves(claimers, async r => (await r.post(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })).status),
      waves(toCancel.map((r, i) => [r, cancelling[i]!] as const), async ([r, v]) => (await r.post(`/api/v1/me/vouchers/${v.id}/cancel`)).status),
      waves(redeeming, async (v: ClaimedVoucher) => (await merchant.client.post('/api/v1/merchant/redemptions', redemptionBody(v.code, product), { headers: { 'Idempotency-Key': newKey() } })).status),
    ])
    await expireDueVouchers(db, new Date())

    const serverErrors = statuses.filter(s => s >= 500)
    console.info(`[expiry] ${statuses.length} requests beside ${expiring.length} expiries: statuses ${JSON.stringify(Object.fromEntries([...new Set(statuses)].map(s => [s, statuses.filter(x => x === s).length])))}, ${sweepErrors.length} failed sweeps`)
    expect(serverErrors).toEqual([])
    expect(sweepErrors.map(sqlState)).toEqual([])
    // Each request did what it was sent for: every claim, cancel and sale went through.
    expect(statuses.filter(s => s === 201)).toHaveLength(claimers.length + redeeming.length)
    expect(statuses.filter(s => s === 200)).toHaveLength(cancelling.length)
    const ledger = await ledgerOf(event.slug)
    expect(ledger).toMatchObject({ claimed: claimers.length + redeeming.length, liveVouchers: claimers.length + redeeming.length, reservedFen: claimers.length * 200_000 })
    expect(consistent(ledger)).toBe(true)
    // Not merely retried: the release is taken before the event everywhere, so none happened at all.
    expect(await deadlocksSettled() - before).toBe(0)
  }, 180_000)

  it('a claim is not refused for a qualification past its expiry that no sweep has reached yet', async () => {
    // SOLD_OUT: the only place is held by someone else's lapsed qualification.
    const full = await createTestEvent({ quota: 1, rules: [{ code: 'fridge' }] })
    await expireVoucherNow((await claim(await verifiedResident(), full.slug)).id)
    expect((await claim(await verifiedResident(), full.slug)).status).toBe('active')
    // ALREADY_CLAIMED: the person's own slot is held by their lapsed qualification.
    const own = await createTestEvent({ rules: [{ code: 'fridge' }] })
    const again = await verifiedResident()
    await expireVoucherNow((await claim(again, own.slug)).id)
    expect((await claim(again, own.slug)).status).toBe('active')
    // BUDGET_EXHAUSTED: the budget holds one cap, reserved by a lapsed qualification.
    const poor = await createTestEvent({ budgetFen: 300_000, rules: [{ code: 'fridge' }] })
    await expireVoucherNow((await claim(await verifiedResident(), poor.slug)).id)
    expect((await claim(await verifiedResident(), poor.slug)).status).toBe('active')
    for (const slug of [full.slug, own.slug, poor.slug]) expect(consistent(await ledgerOf(slug))).toBe(true)
  }, 60_000)

  it('while another process is sweeping, a claim refused for want of a lapsed place waits for it and then succeeds', async () => {
    const event = await createTestEvent({ quota: 1, rules: [{ code: 'fridge' }] })
    const lapsed = await claim(await verifiedResident(), event.slug)
    await expireVoucherNow(lapsed.id)
    const latecomer = await verifiedResident()
    const { db } = await testDb()
    // The test holds the sweep lock for a while, as a sweep in another process would.
    const { pending } = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SWEEP_LOCK_KEY})`)
      const pending = latecomer.post<ClaimedVoucher & ErrorBody>(`/api/v1/events/${event.slug}/vouchers`, { categoryCode: 'fridge' })
      await sleep(500)
      // Wrapped, so that the transaction (and the lock) ends now rather than when the claim answers.
      return { pending }
    })
    const answer = await pending
    expect(answer.status).toBe(201)
    expect(answer.body.status).toBe('active')
    expect(await ledgerOf(event.slug)).toMatchObject({ claimed: 1, liveVouchers: 1, reservedFen: 200_000 })
  }, 60_000)
})

/**
 * transactionWithRetry against real conflicts on a scratch table of the test database: the transaction
 * PostgreSQL rolls back is run again and commits once, with everything it does.
 */
describe.skipIf(!hasDatabase)('a transaction rolled back by a conflict is run again', () => {
  let nextId = 0

  /** Two fresh counter rows; their ids. */
  async function counters(): Promise<[number, number]> {
    const { db } = await testDb()
    await db.execute(sql`create table if not exists retry_scratch (id int primary key, n int not null)`)
    const ids: [number, number] = [++nextId, ++nextId]
    await db.execute(sql`insert into retry_scratch (id, n) values (${ids[0]}, 0), (${ids[1]}, 0)`)
    return ids
  }

  const bump = (id: number) => sql`update retry_scratch set n = n + 1 where id = ${id}`

  async function valuesOf(ids: number[]): Promise<number[]> {
    const { rows } = await testDb()
    const found = await rows<{ id: number, n: number }>(sql`select id, n from retry_scratch where id in (${sql.join(ids.map(id => sql`${id}`), sql`, `)}) order by id`)
    return found.map(r => Number(r.n))
  }

  it('a deadlock (40P01): the victim is run again and commits once', async () => {
    const [a, b] = await counters()
    const { db } = await testDb()
    let runs = 0
    let otherHasA!: () => void
    const otherReady = new Promise<void>((resolve) => {
      otherHasA = resolve
    })
    let victimHasB!: () => void
    const victimReady = new Promise<void>((resolve) => {
      victimHasB = resolve
    })
    // The other side locks a, waits until the victim holds b, then wants b; its long deadlock_timeout makes
    // the victim the one PostgreSQL picks.
    const other = db.transaction(async (tx) => {
      await tx.execute(sql`set local deadlock_timeout = '10s'`)
      await tx.execute(bump(a))
      otherHasA()
      await victimReady
      await tx.execute(bump(b))
    })
    const retried: Array<string | undefined> = []
    const victim = transactionWithRetry(db, async (tx) => {
      runs++
      await tx.execute(bump(b))
      if (runs === 1) {
        await otherReady
        victimHasB()
        await sleep(100)
      }
      await tx.execute(bump(a))
    }, undefined, { onRetry: error => retried.push(sqlState(error)) })
    await Promise.all([other, victim])
    expect(retried).toEqual(['40P01'])
    expect(runs).toBe(2)
    // Each side's increments landed once: the rolled-back run left nothing behind.
    expect(await valuesOf([a, b])).toEqual([2, 2])
  }, 60_000)

  it('a serialization failure (40001) under repeatable read: run again on a new snapshot, and commits', async () => {
    const [a] = await counters()
    const { db } = await testDb()
    let runs = 0
    const retried: Array<string | undefined> = []
    const seen = await transactionWithRetry(db, async (tx) => {
      runs++
      const [before] = await tx.execute(sql`select n from retry_scratch where id = ${a}`).then(r => (Array.isArray(r) ? r : []) as Array<{ n: number }>)
      // Someone else changes the row after this snapshot was taken, on another connection.
      if (runs === 1) await db.execute(bump(a))
      await tx.execute(bump(a))
      return Number(before!.n)
    }, { isolationLevel: 'repeatable read' }, { onRetry: error => retried.push(sqlState(error)) })
    expect(retried).toEqual(['40001'])
    expect(runs).toBe(2)
    // The second run saw the other change and added its own once.
    expect(seen).toBe(1)
    expect(await valuesOf([a])).toEqual([2])
  }, 60_000)
})
