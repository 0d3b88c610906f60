import { randomUUID } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { inject } from 'vitest'
import { openDatabase, type DatabaseHandle } from '~~/server/db/client'
import { eventRules, events, products, qualificationReleases, redemptions, vouchers } from '~~/server/db/schema'
import { Client } from './client'
import { approvedMerchantClient } from './merchants'
import { freshResidentId } from './merchants-fixture'

/**
 * Money-path fixtures. Events, rules, releases and products are written straight into the test server's
 * database (there is no admin events API yet), so they need DATABASE_URL: with embedded PGlite the server
 * holds the only connection and such tests are skipped (`it.skipIf(!hasDatabase)`); the PostgreSQL run covers them.
 */
export const databaseUrl = inject('databaseUrl')
export const hasDatabase = Boolean(databaseUrl)

let handle: Promise<DatabaseHandle> | undefined

export function testDb(): Promise<DatabaseHandle> {
  if (!databaseUrl) throw new Error('testDb() needs DATABASE_URL (PostgreSQL run)')
  handle ??= openDatabase({ url: databaseUrl, max: 4 })
  return handle
}

export async function closeTestDb(): Promise<void> {
  if (handle) await (await handle).close()
  handle = undefined
}

export interface RuleSpec {
  code: string
  capFen?: number | null
  fixedFen?: number | null
  ratePctByGrade?: Partial<Record<'1' | '2' | '3' | '4' | '5' | 'none', number>> | null
  perPersonLimit?: number
  priceCeilingFen?: number | null
  requiresTradeIn?: boolean
  /** Release quota for this category; default the event's quota. */
  quota?: number
}

export interface TestEventOptions {
  rules?: RuleSpec[]
  quota?: number
  budgetFen?: number
  /** 'open' (default): a release open now; 'later': one opening in 2 hours; 'none'. */
  release?: 'open' | 'later' | 'none'
}

export interface TestEvent { id: string, slug: string, releaseIds: Record<string, string> }

const DEFAULT_RULES: RuleSpec[] = [{ code: 'fridge' }, { code: 'tv' }]

/** A published, current appliance event with rules and a release per category, under the test's control. */
export async function createTestEvent(options: TestEventOptions = {}): Promise<TestEvent> {
  const { db } = await testDb()
  const now = Date.now()
  const slug = `t-${randomUUID().slice(0, 12)}`
  const [event] = await db.insert(events).values({
    slug,
    titleZh: `测试活动 ${slug}`,
    titleEn: `Test event ${slug}`,
    kind: 'appliance',
    status: 'published',
    startsAt: new Date(now - 86_400_000),
    endsAt: new Date(now + 30 * 86_400_000),
    budgetFen: options.budgetFen ?? 1_000_000_000,
  }).returning({ id: events.id })
  const rules = options.rules ?? DEFAULT_RULES
  await db.insert(eventRules).values(rules.map(r => ({
    eventId: event!.id,
    categoryCode: r.code,
    ratePctByGrade: r.ratePctByGrade === undefined ? { 1: 20, 2: 15 } : r.ratePctByGrade,
    capFen: r.capFen === undefined ? 200_000 : r.capFen,
    fixedFen: r.fixedFen ?? null,
    perPersonLimit: r.perPersonLimit ?? 1,
    priceCeilingFen: r.priceCeilingFen ?? null,
    requiresTradeIn: r.requiresTradeIn ?? true,
  })))
  const releaseIds: Record<string, string> = {}
  const mode = options.release ?? 'open'
  if (mode !== 'none') {
    const opensAt = mode === 'open' ? new Date(now - 3_600_000) : new Date(now + 2 * 3_600_000)
    for (const r of rules) {
      const [release] = await db.insert(qualificationReleases).values({
        eventId: event!.id,
        categoryCode: r.code,
        opensAt,
        closesAt: new Date(opensAt.getTime() + 86_400_000),
        quota: r.quota ?? options.quota ?? 50,
      }).returning({ id: qualificationReleases.id })
      releaseIds[r.code] = release!.id
    }
  }
  return { id: event!.id, slug, releaseIds }
}

export async function createTestProduct(categoryCode: string, options: { grade?: number | null, filedPriceFen?: number, retired?: boolean } = {}): Promise<string> {
  const { db } = await testDb()
  const [row] = await db.insert(products).values({
    brand: '测试牌',
    model: `T-${randomUUID().slice(0, 10)}`,
    categoryCode,
    energyGrade: options.grade === undefined ? 1 : options.grade,
    filedPriceFen: options.filedPriceFen ?? 599_900,
    retiredAt: options.retired ? new Date() : null,
  }).returning({ id: products.id })
  return row!.id
}

/** A signed-in resident with a verified real-name identity. */
export async function verifiedResident(): Promise<Client> {
  const client = new Client()
  await client.register('resident')
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await client.post('/api/v1/me/identity', { name: '陈桂英', idNumber: freshResidentId() })
    if (res.status === 200) return client
    // A random ID number another test already bound: draw again.
    if (res.status !== 409) throw new Error(`identity failed: ${res.status} ${JSON.stringify(res.body)}`)
  }
  throw new Error('could not verify a resident')
}

/** `count` verified residents, made `batch` at a time (each registration hashes a password). */
export async function verifiedResidents(count: number, batch = 20): Promise<Client[]> {
  const out: Client[] = []
  while (out.length < count) {
    out.push(...await Promise.all(Array.from({ length: Math.min(batch, count - out.length) }, () => verifiedResident())))
  }
  return out
}

/** An approved merchant enrolled in `slug` for `categories`. */
export async function enrolledMerchant(slug: string, categories: readonly string[] = ['fridge', 'tv']): Promise<{ client: Client, merchantId: string }> {
  const merchant = await approvedMerchantClient(categories)
  const res = await merchant.client.post('/api/v1/merchant/enrolments', { eventSlug: slug, categories })
  if (res.status !== 201) throw new Error(`enrolment failed: ${res.status} ${JSON.stringify(res.body)}`)
  return merchant
}

export interface ClaimedVoucher { id: string, code: string, categoryCode: string, status: string, expiresAt: string, capFen: number, eventSlug: string }

export async function claim(client: Client, slug: string, categoryCode = 'fridge'): Promise<ClaimedVoucher> {
  const res = await client.post<ClaimedVoucher>(`/api/v1/events/${slug}/vouchers`, { categoryCode })
  if (res.status !== 201) throw new Error(`claim failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

export function newKey(): string {
  return `key-${randomUUID()}`
}

let serial = Math.floor(Math.random() * 1e9)

export function redemptionBody(voucherCode: string, productId: string, overrides: Record<string, unknown> = {}) {
  serial += 1
  return {
    voucherCode,
    productId,
    priceFen: 499_900,
    serialNo: `SN${serial}X`,
    invoiceNo: `INV${serial}`,
    oldItem: { categoryCode: 'fridge', brand: '容声', ageYears: 12, disposal: 'recycler' },
    ...overrides,
  }
}

/** Move a voucher's expiry into the past (the next read or write sweeps it). */
export async function expireVoucherNow(id: string): Promise<void> {
  const { db } = await testDb()
  await db.update(vouchers).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(vouchers.id, id))
}

export async function ageRedemption(id: string, minutes: number): Promise<void> {
  const { db } = await testDb()
  await db.update(redemptions).set({ createdAt: sql`now() - make_interval(mins => ${minutes})` }).where(eq(redemptions.id, id))
}

export interface LedgerView {
  budgetFen: number
  reservedFen: number
  spentFen: number
  claimed: number
  liveVouchers: number
  activeCapsFen: number
  completedSubsidyFen: number
}

/** The event's ledger next to what its vouchers and redemptions say it should be. */
export async function ledgerOf(eventId: string): Promise<LedgerView> {
  const { db } = await testDb()
  const [event] = await db.select().from(events).where(eq(events.id, eventId))
  const [rel] = await db.select({ claimed: sql<number>`coalesce(sum(${qualificationReleases.claimed}), 0)`.mapWith(Number) }).from(qualificationReleases).where(eq(qualificationReleases.eventId, eventId))
  const [live] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(vouchers).where(and(eq(vouchers.eventId, eventId), inArray(vouchers.status, ['active', 'redeemed'])))
  const [caps] = await db.select({ s: sql<number>`coalesce(sum(${vouchers.capFen}), 0)`.mapWith(Number) }).from(vouchers).where(and(eq(vouchers.eventId, eventId), eq(vouchers.status, 'active')))
  const [spent] = await db.select({ s: sql<number>`coalesce(sum(${redemptions.subsidyFen}), 0)`.mapWith(Number) }).from(redemptions).where(and(eq(redemptions.eventId, eventId), eq(redemptions.status, 'completed')))
  return {
    budgetFen: event!.budgetFen,
    reservedFen: event!.reservedFen,
    spentFen: event!.spentFen,
    claimed: rel!.claimed,
    liveVouchers: live!.n,
    activeCapsFen: caps!.s,
    completedSubsidyFen: spent!.s,
  }
}

/** reserved = Σ caps of active vouchers, spent = Σ subsidies of completed redemptions, claimed = live vouchers. */
export function consistent(l: LedgerView): boolean {
  return l.reservedFen === l.activeCapsFen && l.spentFen === l.completedSubsidyFen && l.claimed === l.liveVouchers
    && l.reservedFen + l.spentFen <= l.budgetFen
}
