import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { publicEventStatus } from '#shared/domain/events'
import { decideClaim, generateVoucherCode, ledgerDelta, voucherExpiry, type VoucherStatus } from '#shared/domain/vouchers'
import type { ClaimVoucherInput } from '#shared/schemas/vouchers'
import { executeRows, type Executor } from '~~/server/db/client'
import { events, identities, merchants, products, qualificationReleases, redemptions, vouchers } from '~~/server/db/schema'
import { audit } from '~~/server/utils/audit'
import { isUniqueViolation } from '~~/server/utils/db-errors'
import type { Caller } from '~~/server/utils/guards'
import { findRule } from './events'

/** Arbitrary constant: only one expiry sweep at a time across all app processes. */
const SWEEP_LOCK_KEY = 7_304_211

/**
 * Lazy expiry (rule 5: an unused qualification that expires returns to the pool). One statement per batch
 * of SWEEP_BATCH, repeated while a batch comes back full: active vouchers due at `now` become expired, their releases and events give back the place and the reservation
 * (ledgerDelta.release), and each is audited. Safe under concurrency: rows locked by another transaction are
 * skipped (SKIP LOCKED) and `status = 'active'` is re-checked on update; the advisory lock keeps two sweeps
 * from taking release/event rows in different orders. Run it as its own statement, before a money
 * transaction, never inside one. Lock order everywhere: vouchers → releases → events.
 */
export async function expireDueVouchers(db: Executor, now: Date): Promise<void> {
  // Batches keep each statement short; a backlog (a rush of claims three days ago) takes a few rounds.
  for (let round = 0; round < SWEEP_MAX_ROUNDS; round++) {
    const expired = await expireBatch(db, now)
    if (expired < SWEEP_BATCH) return
  }
}

/** Vouchers one sweep statement expires at most. */
export const SWEEP_BATCH = 1000
const SWEEP_MAX_ROUNDS = 50

/** One sweep statement; answers how many it expired (0 when another sweep holds the lock). */
async function expireBatch(db: Executor, now: Date): Promise<number> {
  const at = now.toISOString()
  const [result] = await executeRows<{ n: number }>(db, sql`
    with lock as (select pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) as ok),
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
      from (select release_id, count(*)::int as n from expired group by release_id) e
      where r.id = e.release_id
    ),
    events_back as (
      update events ev set reserved_fen = ev.reserved_fen - e.total
      from (select event_id, sum(cap_fen)::bigint as total from expired group by event_id) e
      where ev.id = e.event_id
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

export interface ClaimedVoucherDto {
  id: string
  code: string
  eventSlug: string
  categoryCode: string
  status: 'active'
  expiresAt: string
  capFen: number
}

/**
 * Claims a qualification (rules 4, 5). The quota and the budget are taken by conditional updates inside one
 * transaction, so they hold with any number of app processes; the per-person limit is the partial unique
 * index vouchers_person_slot_uq.
 */
export async function claimVoucher(db: Executor, caller: Caller, slug: string, input: ClaimVoucherInput, now: Date): Promise<ClaimedVoucherDto> {
  await expireDueVouchers(db, now)
  const [identity] = await db.select({ idHash: identities.idHash }).from(identities).where(eq(identities.userId, caller.userId)).limit(1)
  if (!identity) throw new DomainError('IDENTITY_REQUIRED', 'Verify your real-name identity first')
  const [event] = await db.select().from(events)
    .where(and(eq(events.slug, slug), inArray(events.status, ['published', 'closed']))).limit(1)
  if (!event) throw new DomainError('NOT_FOUND', 'No such event')
  try {
    return await db.transaction(async (tx) => {
      const rule = await findRule(tx, event.id, input.categoryCode)
      const [releases, [expired], live] = await Promise.all([
        tx.select().from(qualificationReleases)
          .where(and(eq(qualificationReleases.eventId, event.id), eq(qualificationReleases.categoryCode, input.categoryCode))),
        tx.select({ n: count() }).from(vouchers)
          .where(and(eq(vouchers.eventId, event.id), eq(vouchers.identityHash, identity.idHash), eq(vouchers.status, 'expired'))),
        tx.select({ slot: vouchers.slot }).from(vouchers)
          .where(and(eq(vouchers.eventId, event.id), eq(vouchers.categoryCode, input.categoryCode), eq(vouchers.identityHash, identity.idHash), inArray(vouchers.status, ['active', 'redeemed']))),
      ])
      const decision = decideClaim({
        identityVerified: true,
        eventCurrent: publicEventStatus(event, now) === 'current',
        eventStartsAt: event.startsAt,
        rule,
        releases,
        expiredInEvent: expired?.n ?? 0,
        usedSlots: live.map(v => v.slot),
        now,
      })
      const delta = ledgerDelta.claim(decision.reservationFen)
      // Quota: claimed < quota, decided by the row lock of the release.
      const [release] = await tx.update(qualificationReleases)
        .set({ claimed: sql`${qualificationReleases.claimed} + ${delta.claimed}` })
        .where(and(eq(qualificationReleases.id, decision.release.id), sql`${qualificationReleases.claimed} + ${delta.claimed} <= ${qualificationReleases.quota}`))
        .returning({ id: qualificationReleases.id })
      if (!release) throw new DomainError('SOLD_OUT', 'All qualifications of this release are taken')
      // Budget: reserved + spent + cap ≤ budget (shared/domain/vouchers fitsBudget).
      const [budget] = await tx.update(events)
        .set({ reservedFen: sql`${events.reservedFen} + ${delta.reservedFen}` })
        .where(and(eq(events.id, event.id), sql`${events.reservedFen} + ${events.spentFen} + ${delta.reservedFen} <= ${events.budgetFen}`))
        .returning({ id: events.id })
      if (!budget) throw new DomainError('BUDGET_EXHAUSTED', 'The event budget is used up')
      const expiresAt = voucherExpiry(now)
      let row: typeof vouchers.$inferSelect | undefined
      for (let attempt = 0; !row; attempt++) {
        try {
          // A savepoint, so that a (very unlikely) code collision can be retried inside the transaction.
          row = await tx.transaction(async sp => (await sp.insert(vouchers).values({
            code: generateVoucherCode(),
            eventId: event.id,
            categoryCode: input.categoryCode,
            releaseId: decision.release.id,
            userId: caller.userId,
            identityHash: identity.idHash,
            slot: decision.slot,
            capFen: decision.reservationFen,
            expiresAt,
            createdAt: now,
          }).returning())[0])
        }
        catch (error) {
          if (attempt < 3 && isUniqueViolation(error, 'vouchers_code_unique')) continue
          throw error
        }
      }
      await audit(tx, {
        actor: caller,
        action: 'voucher.claim',
        entityType: 'voucher',
        entityId: row.id,
        after: { code: row.code, eventSlug: event.slug, categoryCode: row.categoryCode, releaseId: row.releaseId, slot: row.slot, capFen: row.capFen, expiresAt: row.expiresAt.toISOString() },
      })
      return { id: row.id, code: row.code, eventSlug: event.slug, categoryCode: row.categoryCode, status: 'active' as const, expiresAt: row.expiresAt.toISOString(), capFen: row.capFen }
    })
  }
  catch (error) {
    // The same person claiming twice at once: the partial unique index decides.
    if (isUniqueViolation(error, 'vouchers_person_slot_uq')) throw new DomainError('ALREADY_CLAIMED', 'You already hold the qualifications allowed for this category')
    throw error
  }
}

/** A resident cancels an own active qualification: its place and reservation go back (ledgerDelta.release). */
export async function cancelVoucher(db: Executor, caller: Caller, id: string, now: Date): Promise<{ id: string, status: 'cancelled' }> {
  await expireDueVouchers(db, now)
  return db.transaction(async (tx) => {
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

export interface MyVoucherDto {
  id: string
  code: string
  eventSlug: string
  eventTitle: string
  categoryCode: string
  status: VoucherStatus
  expiresAt: string
  capFen: number
  createdAt: string
  redemption?: { merchantName: string, productBrand: string, productModel: string, subsidyFen: number, payableFen: number, status: string, createdAt: string }
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
