import { and, count, desc, eq, gte, ne, sql, type SQL } from 'drizzle-orm'
import { redemptionFlags, SPIKE_HISTORY_DAYS, withFlag, type AnomalyFlag } from '#shared/domain/anomaly'
import { chinaDayStart, DAY_MS } from '#shared/domain/china-time'
import { DomainError } from '#shared/domain/errors'
import { decideRedemption, serialKey, voidableUntil, voucherRefusal, withinVoidWindow } from '#shared/domain/redemption'
import { ledgerDelta } from '#shared/domain/vouchers'
import type { RedemptionInput } from '#shared/schemas/vouchers'
import type { Page } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { events, identities, merchants, products, qualificationReleases, redemptions, vouchers } from '~~/server/db/schema'
import { audit } from '~~/server/utils/audit'
import { isUniqueViolation } from '~~/server/utils/db-errors'
import { requestHash } from '~~/server/utils/request-hash'
import type { Caller, MerchantCaller } from '~~/server/utils/guards'
import { transactionWithRetry } from '~~/server/utils/transaction-retry'
import { isEnrolled } from './enrolments'
import { findRule } from './events'
import { expireDueVouchers } from './vouchers'
import type { RedemptionDto, RedemptionListItem, VoucherLookupDto } from '#shared/types/redemptions'

type RedemptionRow = typeof redemptions.$inferSelect

function toDto(r: RedemptionRow): RedemptionDto {
  return {
    id: r.id,
    voucherId: r.voucherId,
    eventId: r.eventId,
    categoryCode: r.categoryCode,
    productId: r.productId,
    status: r.status,
    priceFen: r.priceFen,
    subsidyFen: r.subsidyFen,
    payableFen: r.payableFen,
    serialNo: r.serialNo,
    invoiceNo: r.invoiceNo,
    createdAt: r.createdAt.toISOString(),
    voidableUntil: voidableUntil(r.createdAt).toISOString(),
  }
}

async function replay(db: Executor, merchantId: string, key: string, hash: string): Promise<RedemptionDto | null> {
  const [existing] = await db.select().from(redemptions)
    .where(and(eq(redemptions.merchantId, merchantId), eq(redemptions.idempotencyKey, key))).limit(1)
  if (!existing) return null
  if (existing.requestHash !== hash) throw new DomainError('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was used for another request')
  return toDto(existing)
}

/** What a code is for, and whether this merchant can redeem it now. Nothing personal beyond the masked name. */
export async function lookupVoucher(db: Executor, caller: MerchantCaller, code: string, now: Date): Promise<VoucherLookupDto> {
  await expireDueVouchers(db, now)
  const [row] = await db.select({ voucher: vouchers, event: events, nameMasked: identities.nameMasked }).from(vouchers)
    .innerJoin(events, eq(events.id, vouchers.eventId))
    .leftJoin(identities, eq(identities.userId, vouchers.userId))
    .where(eq(vouchers.code, code)).limit(1)
  if (!row) throw new DomainError('NOT_FOUND', 'No qualification has this code')
  const refusal = voucherRefusal({
    merchantApproved: caller.merchantStatus === 'approved',
    voucher: row.voucher,
    eventPublished: row.event.status === 'published',
    enrolled: await isEnrolled(db, row.event.id, caller.merchantId, row.voucher.categoryCode),
    now,
  })
  return {
    code: row.voucher.code,
    eventSlug: row.event.slug,
    eventTitle: row.event.titleZh,
    categoryCode: row.voucher.categoryCode,
    status: row.voucher.status,
    expiresAt: row.voucher.expiresAt.toISOString(),
    capFen: row.voucher.capFen,
    nameMasked: row.nameMasked ?? '',
    redeemable: refusal === null,
    ...(refusal ? { reason: refusal.code } : {}),
  }
}

/**
 * Registers a sale (rule 6) exactly once per Idempotency-Key (rule 7). The voucher row lock serialises
 * everything that could use the same qualification; the unique indexes catch the rest (SN, invoice).
 */
export async function redeem(db: Executor, caller: MerchantCaller, key: string, input: RedemptionInput, now: Date): Promise<{ created: boolean, redemption: RedemptionDto }> {
  const hash = requestHash(input)
  const earlier = await replay(db, caller.merchantId, key, hash)
  if (earlier) return { created: false, redemption: earlier }
  await expireDueVouchers(db, now)
  try {
    return await transactionWithRetry(db, async (tx) => {
      const [voucher] = await tx.select().from(vouchers).where(eq(vouchers.code, input.voucherCode)).for('update').limit(1)
      // A concurrent twin with the same key may have committed while we waited for the lock.
      const twin = await replay(tx, caller.merchantId, key, hash)
      if (twin) return { created: false, redemption: twin }
      const [merchant] = await tx.select({ status: merchants.status, openingHours: merchants.openingHours }).from(merchants).where(eq(merchants.id, caller.merchantId)).limit(1)
      const [event] = voucher ? await tx.select().from(events).where(eq(events.id, voucher.eventId)).limit(1) : []
      const [product] = await tx.select().from(products).where(eq(products.id, input.productId)).limit(1)
      const key_ = serialKey(input.serialNo)
      const [enrolled, rule, [serialUsed], [invoiceUsed]] = await Promise.all([
        voucher ? isEnrolled(tx, voucher.eventId, caller.merchantId, voucher.categoryCode) : Promise.resolve(false),
        voucher ? findRule(tx, voucher.eventId, voucher.categoryCode) : Promise.resolve(null),
        tx.select({ n: count() }).from(redemptions).where(and(eq(redemptions.categoryCode, product?.categoryCode ?? ''), eq(redemptions.serialKey, key_), ne(redemptions.status, 'voided'))),
        tx.select({ n: count() }).from(redemptions).where(and(eq(redemptions.merchantId, caller.merchantId), eq(redemptions.invoiceNo, input.invoiceNo), ne(redemptions.status, 'voided'))),
      ])
      const decision = decideRedemption({
        merchantApproved: merchant?.status === 'approved',
        voucher: voucher ?? null,
        eventPublished: event?.status === 'published',
        enrolled,
        now,
        voucherCategory: voucher?.categoryCode ?? '',
        voucherCapFen: voucher?.capFen ?? 0,
        product: product ? { ...product, retired: product.retiredAt !== null } : null,
        rule,
        priceFen: input.priceFen,
        hasOldItem: input.oldItem !== undefined,
        serialUsed: (serialUsed?.n ?? 0) > 0,
        invoiceUsed: (invoiceUsed?.n ?? 0) > 0,
      })
      if (!decision.ok) throw new DomainError(decision.refusal.code, decision.refusal.message)
      const v = voucher!
      const delta = ledgerDelta.redeem(v.capFen, decision.subsidyFen)
      await tx.update(vouchers).set({ status: 'redeemed', redeemedAt: now }).where(and(eq(vouchers.id, v.id), eq(vouchers.status, 'active')))
      const [charged] = await tx.update(events)
        .set({ reservedFen: sql`${events.reservedFen} + ${delta.reservedFen}`, spentFen: sql`${events.spentFen} + ${delta.spentFen}` })
        .where(and(eq(events.id, v.eventId), sql`${events.reservedFen} + ${delta.reservedFen} >= 0`))
        .returning({ id: events.id })
      // The voucher held its cap; if the ledger disagrees, refuse rather than move money on a broken ledger.
      if (!charged) throw new Error(`ledger of event ${v.eventId} does not hold the reservation of voucher ${v.id}`)
      const flags = redemptionFlags({
        priceFen: input.priceFen,
        filedPriceFen: product!.filedPriceFen,
        ...await sameDayCounts(tx, caller.merchantId, v.identityHash, now),
        openingHours: merchant!.openingHours,
        at: now,
      })
      const [row] = await tx.insert(redemptions).values({
        voucherId: v.id,
        merchantId: caller.merchantId,
        eventId: v.eventId,
        categoryCode: v.categoryCode,
        productId: input.productId,
        priceFen: input.priceFen,
        subsidyFen: decision.subsidyFen,
        payableFen: decision.payableFen,
        serialNo: input.serialNo,
        serialKey: key_,
        invoiceNo: input.invoiceNo,
        oldItem: input.oldItem ?? null,
        idempotencyKey: key,
        requestHash: hash,
        createdByUserId: caller.userId,
        createdAt: now,
        flags,
      }).returning()
      await audit(tx, {
        actor: caller,
        action: 'redemption.create',
        entityType: 'redemption',
        entityId: row!.id,
        after: { voucherCode: v.code, productId: input.productId, priceFen: input.priceFen, subsidyFen: decision.subsidyFen, serialNo: input.serialNo, invoiceNo: input.invoiceNo, releasedFen: v.capFen - decision.subsidyFen, ...(flags.length > 0 ? { flags } : {}) },
      })
      return { created: true, redemption: toDto(row!) }
    })
  }
  catch (error) {
    const serialRefused = (error instanceof DomainError && error.code === 'SN_ALREADY_REDEEMED') || isUniqueViolation(error, 'redemptions_serial_uq')
    if (serialRefused) await flagSerialRetry(db, caller, input, now)
    if (isUniqueViolation(error, 'redemptions_idempotency_uq')) {
      const again = await replay(db, caller.merchantId, key, hash)
      if (again) return { created: false, redemption: again }
    }
    if (isUniqueViolation(error, 'redemptions_serial_uq')) throw new DomainError('SN_ALREADY_REDEEMED', 'This serial number has already been subsidised')
    if (isUniqueViolation(error, 'redemptions_invoice_uq')) throw new DomainError('INVOICE_DUPLICATE', 'This invoice number is already used by your shop')
    if (isUniqueViolation(error, 'redemptions_voucher_uq')) throw new DomainError('VOUCHER_USED', 'This qualification has already been used')
    throw error
  }
}

/**
 * What the anomaly flags compare with: this person's and this merchant's redemptions (not voided) earlier on
 * the same China day, and the merchant's in the SPIKE_HISTORY_DAYS days before it. Each count includes the
 * sale being registered.
 */
async function sameDayCounts(tx: Executor, merchantId: string, identityHash: string, now: Date) {
  const dayStart = chinaDayStart(now)
  const historyStart = new Date(dayStart.getTime() - SPIKE_HISTORY_DAYS * DAY_MS)
  const live = ne(redemptions.status, 'voided')
  const [[person], [merchant]] = await Promise.all([
    tx.select({ n: count() }).from(redemptions).innerJoin(vouchers, eq(vouchers.id, redemptions.voucherId))
      .where(and(eq(vouchers.identityHash, identityHash), live, gte(redemptions.createdAt, dayStart))),
    tx.select({
      today: sql<number>`count(*) filter (where ${redemptions.createdAt} >= ${dayStart.toISOString()}::timestamptz)`.mapWith(Number),
      history: sql<number>`count(*) filter (where ${redemptions.createdAt} < ${dayStart.toISOString()}::timestamptz)`.mapWith(Number),
    }).from(redemptions).where(and(eq(redemptions.merchantId, merchantId), live, gte(redemptions.createdAt, historyStart))),
  ])
  return { personSameDay: (person?.n ?? 0) + 1, merchantSameDay: (merchant?.today ?? 0) + 1, merchantHistory: merchant?.history ?? 0 }
}

/**
 * Rule 11 "an SN tried twice": a refused attempt to subsidise a serial number that already was flags the
 * sale that holds it, and the attempt is audited (the refused request itself left nothing behind).
 */
async function flagSerialRetry(db: Executor, caller: MerchantCaller, input: RedemptionInput, now: Date): Promise<void> {
  const [product] = await db.select({ categoryCode: products.categoryCode }).from(products).where(eq(products.id, input.productId)).limit(1)
  if (!product) return
  const flag: AnomalyFlag = 'SN_TRIED_TWICE'
  await transactionWithRetry(db, async (tx) => {
    const [held] = await tx.select({ id: redemptions.id, flags: redemptions.flags, merchantId: redemptions.merchantId }).from(redemptions)
      .where(and(eq(redemptions.categoryCode, product.categoryCode), eq(redemptions.serialKey, serialKey(input.serialNo)), ne(redemptions.status, 'voided')))
      .for('update').limit(1)
    if (!held) return
    const flags = withFlag(held.flags, flag)
    if (flags.length !== held.flags.length) await tx.update(redemptions).set({ flags }).where(eq(redemptions.id, held.id))
    await audit(tx, {
      actor: caller,
      action: 'redemption.serial_retry',
      entityType: 'redemption',
      entityId: held.id,
      before: { flags: held.flags },
      after: { flags, serialNo: input.serialNo, triedByMerchantId: caller.merchantId, voucherCode: input.voucherCode, at: now.toISOString() },
    })
  })
}

/**
 * A merchant voids its own sale within the window (rule 7). The qualification comes back if still valid and
 * its cap fits the budget again; otherwise it expires and gives back its place. Lock order: redemption →
 * voucher → release → event (as the expiry sweep).
 */
export async function voidRedemption(db: Executor, caller: MerchantCaller, id: string, now: Date): Promise<RedemptionDto> {
  await expireDueVouchers(db, now)
  return transactionWithRetry(db, async (tx) => {
    const [r] = await tx.select().from(redemptions).where(and(eq(redemptions.id, id), eq(redemptions.merchantId, caller.merchantId))).for('update').limit(1)
    if (!r) throw new DomainError('NOT_FOUND', 'No such redemption')
    if (r.status !== 'completed') throw new DomainError('INVALID_TRANSITION', `This redemption is ${r.status}`)
    if (!withinVoidWindow(r.createdAt, now)) throw new DomainError('VOID_WINDOW_PASSED', 'The 10 minutes to void have passed; ask the bureau to reverse it')
    const [v] = await tx.select().from(vouchers).where(eq(vouchers.id, r.voucherId)).for('update').limit(1)
    await tx.update(redemptions).set({ status: 'voided', voidedAt: now }).where(eq(redemptions.id, r.id))
    let voucherStatus: 'active' | 'expired' = 'expired'
    if (v!.expiresAt > now) {
      const back = ledgerDelta.voidToActive(v!.capFen, r.subsidyFen)
      const [ok] = await tx.update(events)
        .set({ reservedFen: sql`${events.reservedFen} + ${back.reservedFen}`, spentFen: sql`${events.spentFen} + ${back.spentFen}` })
        .where(and(eq(events.id, r.eventId), sql`${events.reservedFen} + ${events.spentFen} + ${back.reservedFen} + ${back.spentFen} <= ${events.budgetFen}`))
        .returning({ id: events.id })
      if (ok) voucherStatus = 'active'
    }
    if (voucherStatus === 'active') {
      await tx.update(vouchers).set({ status: 'active', redeemedAt: null }).where(eq(vouchers.id, v!.id))
    }
    else {
      const back = ledgerDelta.voidToExpired(r.subsidyFen)
      await tx.update(vouchers).set({ status: 'expired', closedAt: now }).where(eq(vouchers.id, v!.id))
      await tx.update(qualificationReleases).set({ claimed: sql`${qualificationReleases.claimed} + ${back.claimed}` }).where(eq(qualificationReleases.id, v!.releaseId))
      await tx.update(events).set({ spentFen: sql`${events.spentFen} + ${back.spentFen}` }).where(eq(events.id, r.eventId))
    }
    await audit(tx, { actor: caller, action: 'redemption.void', entityType: 'redemption', entityId: r.id, before: { status: 'completed' }, after: { status: 'voided', subsidyFen: r.subsidyFen, voucherStatus } })
    const [updated] = await tx.select().from(redemptions).where(eq(redemptions.id, r.id))
    return toDto(updated!)
  })
}

/** A reviewer reverses a completed sale: the subsidy returns to the budget, the qualification stays used. */
export async function reverseRedemption(db: Executor, caller: Caller, id: string, reason: string, now: Date): Promise<RedemptionDto> {
  return transactionWithRetry(db, async (tx) => {
    const [r] = await tx.select().from(redemptions).where(eq(redemptions.id, id)).for('update').limit(1)
    if (!r) throw new DomainError('NOT_FOUND', 'No such redemption')
    if (r.status !== 'completed') throw new DomainError('INVALID_TRANSITION', `This redemption is ${r.status}`)
    const back = ledgerDelta.reverse(r.subsidyFen)
    const [updated] = await tx.update(redemptions).set({ status: 'reversed', reversedAt: now, reversedByUserId: caller.userId, reversalReason: reason })
      .where(eq(redemptions.id, r.id)).returning()
    await tx.update(events).set({ spentFen: sql`${events.spentFen} + ${back.spentFen}` }).where(eq(events.id, r.eventId))
    await audit(tx, { actor: caller, action: 'redemption.reverse', entityType: 'redemption', entityId: r.id, before: { status: 'completed' }, after: { status: 'reversed', subsidyFen: r.subsidyFen }, reason })
    return toDto(updated!)
  })
}

const flagged = sql`cardinality(${redemptions.flags}) > 0`

async function listRedemptions(db: Executor, where: SQL | undefined, page: number, pageSize: number): Promise<Page<RedemptionListItem>> {
  const [rows, [total]] = await Promise.all([
    db.select({ r: redemptions, voucherCode: vouchers.code, eventSlug: events.slug, merchantName: merchants.name, brand: products.brand, model: products.model, filed: products.filedPriceFen })
      .from(redemptions)
      .innerJoin(vouchers, eq(vouchers.id, redemptions.voucherId))
      .innerJoin(events, eq(events.id, redemptions.eventId))
      .innerJoin(merchants, eq(merchants.id, redemptions.merchantId))
      .innerJoin(products, eq(products.id, redemptions.productId))
      .where(where)
      .orderBy(desc(redemptions.createdAt), desc(redemptions.id))
      .limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(redemptions).where(where),
  ])
  return {
    items: rows.map(x => ({
      ...toDto(x.r),
      voucherCode: x.voucherCode,
      eventSlug: x.eventSlug,
      merchantId: x.r.merchantId,
      merchantName: x.merchantName,
      productBrand: x.brand,
      productModel: x.model,
      filedPriceFen: x.filed,
      flags: x.r.flags,
      reversalReason: x.r.reversalReason,
    })),
    total: total?.n ?? 0,
    page,
    pageSize,
  }
}

/** A merchant's own sales. Anomaly flags are for reviewers only: a shop is not told which of its sales look odd. */
export async function listOwnRedemptions(db: Executor, caller: MerchantCaller, page: number, pageSize: number): Promise<Page<Omit<RedemptionListItem, 'flags'>>> {
  const result = await listRedemptions(db, eq(redemptions.merchantId, caller.merchantId), page, pageSize)
  return { ...result, items: result.items.map(({ flags: _flags, ...item }) => item) }
}

export function listAllRedemptions(db: Executor, q: { status?: RedemptionRow['status'], merchant?: string, flagged?: boolean, flag?: AnomalyFlag, page: number, pageSize: number }) {
  const where = and(
    q.status ? eq(redemptions.status, q.status) : undefined,
    q.merchant ? eq(redemptions.merchantId, q.merchant) : undefined,
    q.flagged === true ? flagged : q.flagged === false ? sql`not (${flagged})` : undefined,
    q.flag ? sql`${q.flag} = any(${redemptions.flags})` : undefined,
  )
  return listRedemptions(db, where, q.page, q.pageSize)
}
