import { and, asc, count, desc, eq, ilike, isNotNull, or, sql, type SQL } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { maskPhone } from '#shared/domain/identity'
import { nextMerchantStatus, pendingChangeOutcome } from '#shared/domain/merchant-lifecycle'
import { escapeLike } from '#shared/domain/search'
import type { AdminMerchantQuery, MerchantDecisionInput } from '#shared/schemas/merchants'
import type { Executor } from '~~/server/db/client'
import { auditLog, merchantCategories, merchants, users } from '~~/server/db/schema'
import { audit } from '~~/server/utils/audit'
import type { Caller } from '~~/server/utils/guards'
import { categoriesOfMerchant, toProfileDto } from './merchant-profiles'
import { toAuditDto } from './audit-log'
import { categoriesOfMerchants } from './merchants'
import type { MerchantForStaffDto, MerchantQueueItem } from '#shared/types/bureau'
import type { MerchantProfileDto } from '#shared/types/merchants'

/** The review queue: oldest submission first, so nobody waits behind later arrivals. */
export async function listMerchantsForReview(db: Executor, query: AdminMerchantQuery) {
  const conditions: (SQL | undefined)[] = []
  if (query.status === 'pending_change') conditions.push(isNotNull(merchants.pendingProfile))
  else if (query.status) conditions.push(eq(merchants.status, query.status))
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`
    conditions.push(or(ilike(merchants.name, pattern), ilike(merchants.uscc, pattern), ilike(merchants.address, pattern)))
  }
  const where = and(...conditions)
  const waitingSince = sql`coalesce((${merchants.pendingProfile} ->> 'submittedAt')::timestamptz, ${merchants.submittedAt}, ${merchants.createdAt})`
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(merchants).where(where).orderBy(asc(waitingSince), asc(merchants.id))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(merchants).where(where),
  ])
  const cats = await categoriesOfMerchants(db, rows.map(r => r.id))
  const items: MerchantQueueItem[] = rows.map(r => ({
    id: r.id,
    name: r.name,
    status: r.status,
    street: r.street,
    categories: cats.get(r.id) ?? [],
    submittedAt: r.submittedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    hasPendingChange: r.pendingProfile !== null,
    reviewReason: r.reviewReason,
  }))
  return { items, total: totalRow?.total ?? 0, page: query.page, pageSize: query.pageSize }
}

/** Everything a reviewer needs to decide, including the full history from the audit log. */
export async function getMerchantForStaff(db: Executor, id: string): Promise<MerchantForStaffDto> {
  const [row] = await db.select({ merchant: merchants, ownerPhone: users.phone }).from(merchants)
    .leftJoin(users, eq(users.id, merchants.ownerUserId)).where(eq(merchants.id, id)).limit(1)
  if (!row) throw new DomainError('NOT_FOUND', 'No such merchant')
  const history = await db.select().from(auditLog)
    .where(and(eq(auditLog.entityType, 'merchant'), eq(auditLog.entityId, id))).orderBy(desc(auditLog.at), desc(auditLog.id))
  return {
    ...toProfileDto(row.merchant, await categoriesOfMerchant(db, id)),
    // Staff who decide need the owner's number to call back; it is still masked in lists.
    ownerPhone: row.ownerPhone ? maskPhone(row.ownerPhone) : null,
    history: history.map(toAuditDto),
  }
}

/**
 * A reviewer's decision (rule 8), made on a locked row and written to the audit log in the same
 * transaction. On an approved merchant with a pending legal change, approve applies the change and
 * reject / request_changes discard it; otherwise the lifecycle decides.
 */
export async function decideMerchant(db: Executor, actor: Caller, id: string, decision: MerchantDecisionInput, now: Date): Promise<MerchantProfileDto> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(merchants).where(eq(merchants.id, id)).limit(1).for('update')
    if (!current) throw new DomainError('NOT_FOUND', 'No such merchant')
    const reason = decision.reason?.trim() || null
    const categories = await categoriesOfMerchant(tx, id)
    const before = { status: current.status, reviewReason: current.reviewReason, pendingChange: current.pendingProfile, name: current.name, uscc: current.uscc, address: current.address, categories }

    if (current.status === 'approved' && current.pendingProfile && decision.action !== 'suspend') {
      const outcome = pendingChangeOutcome(decision.action, reason)
      const pending = current.pendingProfile
      const applied = outcome === 'apply'
        ? { name: pending.name, uscc: pending.uscc, address: pending.address }
        : {}
      const [row] = await tx.update(merchants).set({ ...applied, pendingProfile: null, reviewReason: reason, updatedAt: now })
        .where(eq(merchants.id, id)).returning()
      if (outcome === 'apply' && pending.categories) {
        await tx.delete(merchantCategories).where(eq(merchantCategories.merchantId, id))
        await tx.insert(merchantCategories).values(pending.categories.map(categoryCode => ({ merchantId: id, categoryCode })))
      }
      const after = { status: row!.status, reviewReason: reason, pendingChange: null, ...applied, categories: outcome === 'apply' && pending.categories ? pending.categories : categories }
      await audit(tx, { actor, action: outcome === 'apply' ? 'merchant.change_approved' : `merchant.change_${decision.action === 'reject' ? 'rejected' : 'returned'}`, entityType: 'merchant', entityId: id, before, after, reason })
      return toProfileDto(row!, after.categories)
    }

    const status = nextMerchantStatus(current.status, decision.action, reason)
    const [row] = await tx.update(merchants).set({
      status,
      reviewReason: decision.action === 'approve' || decision.action === 'reinstate' ? null : reason,
      approvedAt: decision.action === 'approve' ? now : current.approvedAt,
      updatedAt: now,
    }).where(and(eq(merchants.id, id), eq(merchants.status, current.status))).returning()
    if (!row) throw new DomainError('INVALID_TRANSITION', 'The merchant changed meanwhile: reload and decide again')
    await audit(tx, { actor, action: `merchant.${decision.action}`, entityType: 'merchant', entityId: id, before, after: { status, reviewReason: row.reviewReason }, reason })
    return toProfileDto(row, categories)
  })
}
