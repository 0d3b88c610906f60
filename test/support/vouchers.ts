import { randomUUID } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { inject } from 'vitest'
import { CATALOGUE_COLUMNS } from '#shared/domain/catalogue-csv'
import type { LedgerFigures } from '#shared/domain/event-ledger'
import type { EventLedgerDto } from '#shared/types/event-ledger'
import type { Page, ProductDto } from '#shared/types/public'
import { openDatabase, type DatabaseHandle } from '~~/server/db/client'
import { eventRules, redemptions, vouchers } from '~~/server/db/schema'
import type { AdminEventDto, AdminReleaseDto } from '~~/server/services/event-admin'
import { adminClient, Client } from './client'
import type { ApiResponse } from './http'
import { approvedMerchantClient } from './merchants'
import { freshResidentId } from './merchants-fixture'

/**
 * Money-path fixtures. Events (rules, budget, releases, publication) and products are set up the way the
 * bureau does it, through the admin API, so they work on both databases. Direct database access (`testDb()`)
 * is kept for what no API may do: time travel (`expireVoucherNow`, `ageRedemption`) and a rule the API
 * refuses (a rate without a cap). It needs DATABASE_URL: with embedded PGlite the server holds the only
 * connection, so the tests that use it are marked `it.skipIf(!hasDatabase)`; the PostgreSQL run covers them.
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

let bureauClient: Promise<Client> | undefined

/** The bootstrap administrator, signed in once per test file. */
function bureau(): Promise<Client> {
  bureauClient ??= adminClient()
  return bureauClient
}

function expectStatus<T>(res: ApiResponse<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** An ISO 8601 time with its offset, as the admin schemas ask. */
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')

export interface RuleSpec {
  code: string
  /** Default 2,000 yuan. `null` with a rate is a rule the admin API refuses: made in the database (PostgreSQL run only). */
  capFen?: number | null
  fixedFen?: number | null
  /** Default { 1: 20 %, 2: 15 % }, or none when `fixedFen` is given. */
  ratePctByGrade?: Partial<Record<'1' | '2' | '3' | '4' | '5' | 'none', number>> | null
  perPersonLimit?: number
  priceCeilingFen?: number | null
  /** Default true. */
  requiresTradeIn?: boolean
  /** Release quota for this category; default the event's quota. */
  quota?: number
}

export interface TestEventOptions {
  rules?: RuleSpec[]
  quota?: number
  budgetFen?: number
  /** 'open' (default): a release open since an hour ago; 'later': one opening in 2 hours; 'none'. */
  release?: 'open' | 'later' | 'none'
}

export interface TestEvent { id: string, slug: string, releaseIds: Record<string, string> }

const DEFAULT_RULES: RuleSpec[] = [{ code: 'fridge' }, { code: 'tv' }]

/** A cap the API accepts in place of the missing one, removed in the database before the event is published. */
const PLACEHOLDER_CAP_FEN = 200_000

function ruleBody(r: RuleSpec) {
  const ratePctByGrade = r.ratePctByGrade === undefined ? (r.fixedFen == null ? { 1: 20, 2: 15 } : null) : r.ratePctByGrade
  const capFen = r.capFen === undefined ? 200_000 : r.capFen
  return {
    categoryCode: r.code,
    ratePctByGrade,
    capFen: ratePctByGrade !== null && capFen === null ? PLACEHOLDER_CAP_FEN : capFen,
    fixedFen: r.fixedFen ?? null,
    perPersonLimit: r.perPersonLimit ?? 1,
    priceCeilingFen: r.priceCeilingFen ?? null,
    requiresTradeIn: r.requiresTradeIn ?? true,
  }
}

/**
 * A published appliance event under the test's control, set up as an administrator does: created with its
 * rules and budget (started yesterday, ends in 30 days), a release per category, then published.
 */
export async function createTestEvent(options: TestEventOptions = {}): Promise<TestEvent> {
  const admin = await bureau()
  const now = Date.now()
  const slug = `t-${randomUUID().slice(0, 12)}`
  const rules = options.rules ?? DEFAULT_RULES
  const uncapped = rules.filter(r => r.capFen === null && ruleBody(r).ratePctByGrade !== null).map(r => r.code)
  const event = expectStatus(await admin.post<AdminEventDto>('/api/v1/admin/events', {
    slug,
    title: `测试活动 ${slug}`,
    titleEn: `Test event ${slug}`,
    kind: 'appliance',
    startsAt: iso(now - DAY),
    endsAt: iso(now + 30 * DAY),
    budgetFen: options.budgetFen ?? 1_000_000_000,
    rules: rules.map(ruleBody),
  }), 201, 'creating the event')
  if (uncapped.length > 0) {
    // The admin API refuses a rate rule without a cap (a claim would have nothing to reserve); an event made
    // before that check, or by hand, may still have one: the claim must refuse it too.
    const { db } = await testDb()
    await db.update(eventRules).set({ capFen: null }).where(and(eq(eventRules.eventId, event.id), inArray(eventRules.categoryCode, uncapped)))
  }
  const releaseIds: Record<string, string> = {}
  const mode = options.release ?? 'open'
  if (mode !== 'none') {
    const opensAt = mode === 'open' ? now - HOUR : now + 2 * HOUR
    for (const r of rules) {
      const release = expectStatus(await admin.post<AdminReleaseDto>(`/api/v1/admin/events/${slug}/releases`, {
        categoryCode: r.code,
        opensAt: iso(opensAt),
        closesAt: iso(opensAt + DAY),
        quota: r.quota ?? options.quota ?? 50,
      }), 201, `adding the ${r.code} release`)
      releaseIds[r.code] = release.id
    }
  }
  expectStatus(await admin.post(`/api/v1/admin/events/${slug}/publish`), 200, 'publishing the event')
  return { id: event.id, slug, releaseIds }
}

/** A catalogue product imported as the bureau does (CSV), optionally retired; its id read back from the public search. */
export async function createTestProduct(categoryCode: string, options: { grade?: number | null, filedPriceFen?: number, retired?: boolean } = {}): Promise<string> {
  const admin = await bureau()
  const model = `T-${randomUUID().slice(0, 10)}`
  const grade = options.grade === undefined ? 1 : options.grade
  const csv = `${CATALOGUE_COLUMNS.join(',')}\n${['测试牌', model, categoryCode, grade ?? '', '', '', options.filedPriceFen ?? 599_900].join(',')}\n`
  const imported = expectStatus(await admin.request<{ created: number }>('POST', '/api/v1/admin/products/import', { body: csv, headers: { 'content-type': 'text/csv; charset=utf-8' } }), 200, 'importing the product')
  if (imported.created !== 1) throw new Error(`importing the product created ${imported.created} products`)
  // A model nobody searched before: the public list's short cache has no answer for it yet.
  const found = expectStatus(await new Client().get<Page<ProductDto>>(`/api/v1/products?q=${encodeURIComponent(model)}&category=${categoryCode}&pageSize=100`), 200, 'finding the product')
  const product = found.items.find(p => p.model === model)
  if (!product) throw new Error(`the imported product ${model} is not listed`)
  if (options.retired) expectStatus(await admin.post(`/api/v1/admin/products/${product.id}/retire`, { reason: '测试：厂家停产' }), 200, 'retiring the product')
  return product.id
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

/** Time travel: move a voucher's expiry into the past (the next read or write sweeps it). PostgreSQL run only. */
export async function expireVoucherNow(id: string): Promise<void> {
  const { db } = await testDb()
  await db.update(vouchers).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(vouchers.id, id))
}

/** Time travel: make a redemption `minutes` old. PostgreSQL run only. */
export async function ageRedemption(id: string, minutes: number): Promise<void> {
  const { db } = await testDb()
  await db.update(redemptions).set({ createdAt: sql`now() - make_interval(mins => ${minutes})` }).where(eq(redemptions.id, id))
}

/** The figures of shared/domain/event-ledger.ts, as the ledger endpoint reports them. */
export type LedgerView = LedgerFigures

/**
 * The event's ledger next to what its vouchers and redemptions say it should be, as the bureau reads it
 * (GET /api/v1/admin/events/{slug}/ledger). The server's own verdict must agree with `consistent` below.
 */
export async function ledgerOf(slug: string): Promise<LedgerView> {
  const ledger = expectStatus(await (await bureau()).get<EventLedgerDto>(`/api/v1/admin/events/${slug}/ledger`), 200, 'reading the ledger')
  const view: LedgerView = {
    budgetFen: ledger.budgetFen,
    reservedFen: ledger.reservedFen,
    spentFen: ledger.spentFen,
    claimed: ledger.claimed,
    liveVouchers: ledger.recomputed.liveVouchers,
    activeCapsFen: ledger.recomputed.activeCapsFen,
    completedSubsidyFen: ledger.recomputed.completedSubsidyFen,
  }
  if (ledger.consistent !== consistent(view)) throw new Error(`the ledger says consistent: ${ledger.consistent} for ${JSON.stringify(view)}`)
  return view
}

/**
 * reserved = Σ caps of active vouchers, spent = Σ subsidies of completed redemptions, claimed = live vouchers.
 * Written here again on purpose: the tests judge the server's ledgerConsistent with their own reading of rule 5.
 */
export function consistent(l: LedgerView): boolean {
  return l.reservedFen === l.activeCapsFen && l.spentFen === l.completedSubsidyFen && l.claimed === l.liveVouchers
    && l.reservedFen + l.spentFen <= l.budgetFen
}
