import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { publicEventStatus } from '#shared/domain/events'
import type { SubsidyRule } from '#shared/domain/subsidy'
import { decideClaim, fitsBudget, generateVoucherCode, ledgerDelta, voucherExpiry, type ClaimDecision, type ReleaseFacts } from '#shared/domain/vouchers'
import type { ClaimVoucherInput } from '#shared/schemas/vouchers'
import { executePrepared, executeRows, type Database, type Executor } from '~~/server/db/client'
import { events, merchants, products, qualificationReleases, redemptions, vouchers } from '~~/server/db/schema'
import { audit } from '~~/server/utils/audit'
import { isCheckViolation, isUniqueViolation } from '~~/server/utils/db-errors'
import type { Caller } from '~~/server/utils/guards'
import { retryTransient, transactionWithRetry } from '~~/server/utils/transaction-retry'
import type { ClaimedVoucherDto, MyVoucherDto } from '#shared/types/vouchers'

/** Arbitrary constant: only one expiry sweep at a time across all app processes. */
const SWEEP_LOCK_KEY = 7_304_211

export interface SweepOptions {
  /**
   * Wait for a sweep running elsewhere to finish, then sweep what is still due (default: leave it to that
   * sweep and return at once).
   */
  wait?: boolean
}

/**
 * Lazy expiry (rule 5: an unused qualification that expires returns to the pool). One statement per batch
 * of SWEEP_BATCH, repeated while a batch comes back full: active vouchers due at `now` become expired, their
 * releases and events give back the place and the reservation (ledgerDelta.release), and each is audited.
 * Safe under concurrency: rows locked by another transaction are skipped (SKIP LOCKED) and `status = 'active'`
 * is re-checked on update; the advisory lock keeps two sweeps apart. Run it as its own statement, before a
 * money transaction, never inside one. Lock order everywhere: vouchers → releases → events.
 */
export async function expireDueVouchers(db: Executor, now: Date, options: SweepOptions = {}): Promise<void> {
  // Batches keep each statement short; a backlog (a rush of claims three days ago) takes a few rounds.
  for (let round = 0; round < SWEEP_MAX_ROUNDS; round++) {
    const expired = await retryTransient(() => expireBatch(db, now, options.wait === true && round === 0))
    if (expired < SWEEP_BATCH) return
  }
}

/** Vouchers one sweep statement expires at most. */
export const SWEEP_BATCH = 1000
const SWEEP_MAX_ROUNDS = 50

/** One sweep statement; answers how many it expired (0 when another sweep holds the lock and `wait` is off). */
async function expireBatch(db: Executor, now: Date, wait: boolean): Promise<number> {
  const at = now.toISOString()
  const lock = wait
    ? sql`select true as ok from pg_advisory_xact_lock(${SWEEP_LOCK_KEY})`
    : sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) as ok`
  // The events update reads the totals from what the releases update returned: aggregating them needs all
  // of its rows, so every release row is locked before any event row, the order claims and cancels use.
  const [result] = await executeRows<{ n: number }>(db, sql`
    with lock as (${lock}),
    due as (
      select v.id from vouchers v, lock
      where lock.ok and v.status = 'active' and v.expires_at <= ${at}::timestamptz
      order by v.id limit ${SWEEP_BATCH}
      for update of v skip locked
    ),
    expired as (
      update vouchers v set status = 'expired', closed_at = ${at}::timestamptz
      from due where v.id = due.id and v.status = 'active'
      returning v.id, v.event_id, v.release_id, v.cap_fen, v.code, v.category_code
    ),
    releases_back as (
      update qualification_releases r set claimed = r.claimed - e.n
      from (select release_id, count(*)::int as n, sum(cap_fen)::bigint as total from expired group by release_id) e
      where r.id = e.release_id
      returning r.event_id, e.total
    ),
    events_back as (
      update events ev set reserved_fen = ev.reserved_fen - b.total
      from (select event_id, sum(total)::bigint as total from releases_back group by event_id) b
      where ev.id = b.event_id
    ),
    audited as (
      insert into audit_log (actor_role, action, entity_type, entity_id, before, after)
      select 'system', 'voucher.expire', 'voucher', id::text, jsonb_build_object('status', 'active'),
        jsonb_build_object('status', 'expired', 'code', code, 'categoryCode', category_code, 'releasedFen', cap_fen)
      from expired
      returning 1
    )
    select count(*)::int as n from audited`)
  return Number(result?.n ?? 0)
}

/** What a claim is decided on, read in one statement before anything is locked. */
interface ClaimFacts {
  identityHash: string | null
  event: { id: string, slug: string, status: 'draft' | 'published' | 'closed', startsAt: Date, endsAt: Date, budgetFen: number, reservedFen: number, spentFen: number } | null
  rule: SubsidyRule | null
  releases: ReleaseFacts[]
  expiredInEvent: number
  usedSlots: number[]
  /** Some active qualification (of anyone) is due at `now` but not yet swept. */
  due: boolean
}

interface ClaimFactsRow {
  identity_hash: string | null
  event_id: string | null
  slug: string | null
  status: 'draft' | 'published' | 'closed' | null
  starts_at_ms: unknown
  ends_at_ms: unknown
  budget_fen: unknown
  reserved_fen: unknown
  spent_fen: unknown
  rule: unknown
  releases: unknown
  expired_in_event: unknown
  used_slots: unknown
  due: unknown
}

/** json columns: postgres.js and PGlite both parse them, but a driver setting could leave the text. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}

const epochMs = (column: SQL) => sql`floor(extract(epoch from ${column}) * 1000)::float8`

/**
 * Everything a claim is decided on, in one round trip and without a lock: the caller's identity, the public
 * event and its ledger, the category's rule and releases, the person's expiries in the event and live slots
 * in the category, and whether anything is due for expiry (then the caller sweeps and reads again).
 * Timestamps come back as epoch milliseconds and money as float8, which both drivers return as numbers.
 * bench/crowd.ts replays this statement with pgbench.
 */
export function claimFactsStatement(userId: string, slug: string, categoryCode: string, now: Date): SQL {
  return sql`
    with me as (select id_hash from identities where user_id = ${userId}),
    ev as (select * from events where slug = ${slug} and status in ('published', 'closed'))
    select
      (select id_hash from me) as identity_hash,
      ev.id as event_id, ev.slug, ev.status,
      ${epochMs(sql`ev.starts_at`)} as starts_at_ms, ${epochMs(sql`ev.ends_at`)} as ends_at_ms,
      ev.budget_fen::float8 as budget_fen, ev.reserved_fen::float8 as reserved_fen, ev.spent_fen::float8 as spent_fen,
      (select json_build_object('ratePctByGrade', r.rate_pct_by_grade, 'capFen', r.cap_fen, 'fixedFen', r.fixed_fen,
          'priceCeilingFen', r.price_ceiling_fen, 'perPersonLimit', r.per_person_limit, 'requiresTradeIn', r.requires_trade_in)
        from event_rules r where r.event_id = ev.id and r.category_code = ${categoryCode}) as rule,
      (select coalesce(json_agg(json_build_object('id', q.id, 'opensAt', ${epochMs(sql`q.opens_at`)}, 'closesAt', ${epochMs(sql`q.closes_at`)},
          'quota', q.quota, 'claimed', q.claimed)), '[]'::json)
        from qualification_releases q where q.event_id = ev.id and q.category_code = ${categoryCode}) as releases,
      (select count(*)::int from vouchers v, me
        where v.identity_hash = me.id_hash and v.event_id = ev.id and v.status = 'expired') as expired_in_event,
      (select coalesce(json_agg(v.slot), '[]'::json) from vouchers v, me
        where v.identity_hash = me.id_hash and v.event_id = ev.id and v.category_code = ${categoryCode} and v.status in ('active', 'redeemed')) as used_slots,
      exists (select 1 from vouchers v where v.status = 'active' and v.expires_at <= ${now.toISOString()}::timestamptz) as due
    from (select 1) as one left join ev on true`
}

/** claimFactsStatement's row, read. */
async function readClaimFacts(db: Executor, userId: string, slug: string, categoryCode: string, now: Date): Promise<ClaimFacts> {
  const [row] = await executePrepared<ClaimFactsRow>(db, claimFactsStatement(userId, slug, categoryCode, now))
  if (!row) throw new Error('the claim facts query returned no row')
  const releases = json<Array<{ id: string, opensAt: number, closesAt: number, quota: number, claimed: number }>>(row.releases)
  return {
    identityHash: row.identity_hash,
    event: row.event_id && row.slug && row.status
      ? {
          id: row.event_id,
          slug: row.slug,
          status: row.status,
          startsAt: new Date(Number(row.starts_at_ms)),
          endsAt: new Date(Number(row.ends_at_ms)),
          budgetFen: Number(row.budget_fen),
          reservedFen: Number(row.reserved_fen),
          spentFen: Number(row.spent_fen),
        }
      : null,
    rule: json<SubsidyRule | null>(row.rule),
    releases: releases.map(r => ({ id: r.id, opensAt: new Date(r.opensAt), closesAt: new Date(r.closesAt), quota: r.quota, claimed: r.claimed })),
    expiredInEvent: Number(row.expired_in_event),
    usedSlots: json<number[]>(row.used_slots),
    due: row.due === true || row.due === 't',
  }
}

/** Refusals that a qualification due for expiry but not yet swept could cause: its place, slot or reservation. */
const LIFTED_BY_EXPIRY = new Set(['SOLD_OUT', 'ALREADY_CLAIMED', 'BUDGET_EXHAUSTED'])

/**
 * Claims a qualification (rules 4, 5), built for the 10:00 crowd. The decision is taken on facts read in
 * one statement without locks (readClaimFacts): most of a crowd is refused there, never touching the hot
 * rows. A claim that may succeed then takes the quota, the budget, the voucher and its audit entry in one
 * autocommit statement (takeQualification), so the release and event rows are locked only inside the
 * database, for the rest of that statement and its commit. The guarantees stay the database's: the
 * conditional quota update, the events_budget_not_exceeded check and the partial unique index
 * vouchers_person_slot_uq, under any number of app processes.
 *
 * Expiry: when anything is due, the claim sweeps first and reads again. Should a sweep running elsewhere
 * still hold what is due when the claim is refused SOLD_OUT, ALREADY_CLAIMED or BUDGET_EXHAUSTED, the
 * claim waits for that sweep, sweeps itself and is decided once more: a qualification past its expiry
 * never costs a claim its place, slot or reservation.
 */
export async function claimVoucher(db: Database, caller: Caller, slug: string, input: ClaimVoucherInput, now: Date): Promise<ClaimedVoucherDto> {
  let facts = await readClaimFacts(db, caller.userId, slug, input.categoryCode, now)
  if (facts.due && facts.identityHash && facts.event) {
    await expireDueVouchers(db, now)
    facts = await readClaimFacts(db, caller.userId, slug, input.categoryCode, now)
  }
  try {
    return await claimOnFacts(db, caller, input, facts, now)
  }
  catch (error) {
    if (!facts.due || !(error instanceof DomainError) || !LIFTED_BY_EXPIRY.has(error.code)) throw error
    await expireDueVouchers(db, now, { wait: true })
    return claimOnFacts(db, caller, input, await readClaimFacts(db, caller.userId, slug, input.categoryCode, now), now)
  }
}

async function claimOnFacts(db: Database, caller: Caller, input: ClaimVoucherInput, facts: ClaimFacts, now: Date): Promise<ClaimedVoucherDto> {
  const identityHash = facts.identityHash
  if (!identityHash) throw new DomainError('IDENTITY_REQUIRED', 'Verify your real-name identity first')
  const event = facts.event
  if (!event) throw new DomainError('NOT_FOUND', 'No such event')
  const decision = decideClaim({
    identityVerified: true,
    eventCurrent: publicEventStatus(event, now) === 'current',
    eventStartsAt: event.startsAt,
    rule: facts.rule,
    releases: facts.releases,
    expiredInEvent: facts.expiredInEvent,
    usedSlots: facts.usedSlots,
    now,
  })
  const delta = ledgerDelta.claim(decision.reservationFen)
  if (!fitsBudget(event, delta)) throw new DomainError('BUDGET_EXHAUSTED', 'The event budget is used up')
  const expiresAt = voucherExpiry(now)
  for (let attempt = 0; ; attempt++) {
    const voucher = { id: randomUUID(), code: generateVoucherCode() }
    try {
      const write: ClaimWrite = { caller, identityHash, event, categoryCode: input.categoryCode, decision, voucher, expiresAt, now }
      const taken = await retryTransient(() => takeQualification(db, write))
      if (!taken) throw new DomainError('SOLD_OUT', 'All qualifications of this release are taken')
      return { id: voucher.id, code: voucher.code, eventSlug: event.slug, categoryCode: input.categoryCode, status: 'active', expiresAt: expiresAt.toISOString(), capFen: decision.reservationFen }
    }
    catch (error) {
      // A (very unlikely) code collision: nothing was taken, draw another code.
      if (attempt < 3 && isUniqueViolation(error, 'vouchers_code_unique')) continue
      // The same person claiming twice at once: the partial unique index decides.
      if (isUniqueViolation(error, 'vouchers_person_slot_uq')) throw new DomainError('ALREADY_CLAIMED', 'You already hold the qualifications allowed for this category')
      // Rule 5, decided by the database: reserved + spent ≤ budget (shared/domain/vouchers fitsBudget).
      if (isCheckViolation(error, 'events_budget_not_exceeded')) throw new DomainError('BUDGET_EXHAUSTED', 'The event budget is used up')
      throw error
    }
  }
}

/** What a claim writes, all decided beforehand. */
export interface ClaimWrite {
  caller: Pick<Caller, 'userId' | 'role'>
  identityHash: string
  event: { id: string, slug: string }
  categoryCode: string
  decision: Pick<ClaimDecision, 'slot' | 'reservationFen'> & { release: Pick<ReleaseFacts, 'id'> }
  voucher: { id: string, code: string }
  expiresAt: Date
  now: Date
}

/**
 * The write of a claim, one autocommit statement: a place of the release while claimed < quota, then the
 * reservation on the event (which its check constraint refuses beyond the budget, undoing the whole
 * statement), the voucher and its audit entry. The event update and the inserts read the release update's
 * row, so the release row is always locked before the event row, the order used everywhere. It answers
 * `taken` = 1, or 0 when the release had no place left. bench/crowd.ts replays it with pgbench.
 */
export function takeQualificationStatement(w: ClaimWrite): SQL {
  const { caller, identityHash, event, categoryCode, decision, voucher, expiresAt, now } = w
  const delta = ledgerDelta.claim(decision.reservationFen)
  const after = { code: voucher.code, eventSlug: event.slug, categoryCode, releaseId: decision.release.id, slot: decision.slot, capFen: decision.reservationFen, expiresAt: expiresAt.toISOString() }
  return sql`
    with place as (
      update qualification_releases set claimed = claimed + ${delta.claimed}::int
      where id = ${decision.release.id}::uuid and claimed + ${delta.claimed}::int <= quota
      returning id
    ),
    budget as (
      update events set reserved_fen = reserved_fen + ${delta.reservedFen}::bigint
      from place where events.id = ${event.id}::uuid
      returning events.id
    ),
    voucher as (
      insert into vouchers (id, code, event_id, category_code, release_id, user_id, identity_hash, slot, cap_fen, expires_at, created_at)
      select ${voucher.id}::uuid, ${voucher.code}, budget.id, ${categoryCode}, place.id, ${caller.userId}, ${identityHash}, ${decision.slot}::int,
        ${decision.reservationFen}::int, ${expiresAt.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from place, budget
      returning id
    ),
    audited as (
      insert into audit_log (actor_user_id, actor_role, action, entity_type, entity_id, after)
      select ${caller.userId}, ${caller.role}, 'voucher.claim', 'voucher', voucher.id::text, ${JSON.stringify(after)}::jsonb
      from voucher
      returning 1
    )
    select count(*)::int as taken from audited`
}

async function takeQualification(db: Database, write: ClaimWrite): Promise<boolean> {
  const [row] = await executePrepared<{ taken: number }>(db, takeQualificationStatement(write))
  return Number(row?.taken ?? 0) === 1
}

/** A resident cancels an own active qualification: its place and reservation go back (ledgerDelta.release). */
export async function cancelVoucher(db: Executor, caller: Caller, id: string, now: Date): Promise<{ id: string, status: 'cancelled' }> {
  await expireDueVouchers(db, now)
  return transactionWithRetry(db, async (tx) => {
    const [voucher] = await tx.select().from(vouchers)
      .where(and(eq(vouchers.id, id), eq(vouchers.userId, caller.userId))).for('update').limit(1)
    if (!voucher) throw new DomainError('NOT_FOUND', 'No such qualification')
    if (voucher.status === 'redeemed') throw new DomainError('VOUCHER_USED', 'This qualification has been used')
    if (voucher.status !== 'active' || voucher.expiresAt <= now) throw new DomainError('VOUCHER_EXPIRED', 'This qualification is no longer valid')
    const delta = ledgerDelta.release(voucher.capFen)
    await tx.update(vouchers).set({ status: 'cancelled', closedAt: now }).where(eq(vouchers.id, voucher.id))
    await tx.update(qualificationReleases).set({ claimed: sql`${qualificationReleases.claimed} + ${delta.claimed}` })
      .where(eq(qualificationReleases.id, voucher.releaseId))
    await tx.update(events).set({ reservedFen: sql`${events.reservedFen} + ${delta.reservedFen}` })
      .where(eq(events.id, voucher.eventId))
    await audit(tx, { actor: caller, action: 'voucher.cancel', entityType: 'voucher', entityId: voucher.id, before: { status: 'active' }, after: { status: 'cancelled', releasedFen: voucher.capFen } })
    return { id: voucher.id, status: 'cancelled' as const }
  })
}

export async function listMyVouchers(db: Executor, caller: Caller, now: Date): Promise<{ items: MyVoucherDto[] }> {
  await expireDueVouchers(db, now)
  const rows = await db.select({
    voucher: vouchers,
    eventSlug: events.slug,
    eventTitle: events.titleZh,
    redemptionId: redemptions.id,
    merchantName: merchants.name,
    productBrand: products.brand,
    productModel: products.model,
    subsidyFen: redemptions.subsidyFen,
    payableFen: redemptions.payableFen,
    redemptionStatus: redemptions.status,
    redeemedAt: redemptions.createdAt,
  }).from(vouchers)
    .innerJoin(events, eq(events.id, vouchers.eventId))
    .leftJoin(redemptions, and(eq(redemptions.voucherId, vouchers.id), ne(redemptions.status, 'voided')))
    .leftJoin(merchants, eq(merchants.id, redemptions.merchantId))
    .leftJoin(products, eq(products.id, redemptions.productId))
    .where(eq(vouchers.userId, caller.userId))
    .orderBy(desc(vouchers.createdAt), asc(vouchers.id))
    .limit(200)
  return {
    items: rows.map(r => ({
      id: r.voucher.id,
      code: r.voucher.code,
      eventSlug: r.eventSlug,
      eventTitle: r.eventTitle,
      categoryCode: r.voucher.categoryCode,
      status: r.voucher.status,
      expiresAt: r.voucher.expiresAt.toISOString(),
      capFen: r.voucher.capFen,
      createdAt: r.voucher.createdAt.toISOString(),
      ...(r.redemptionId && r.redeemedAt
        ? { redemption: { merchantName: r.merchantName ?? '', productBrand: r.productBrand ?? '', productModel: r.productModel ?? '', subsidyFen: r.subsidyFen ?? 0, payableFen: r.payableFen ?? 0, status: r.redemptionStatus ?? 'completed', createdAt: r.redeemedAt.toISOString() } }
        : {}),
    })),
  }
}
