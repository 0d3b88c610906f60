import { and, asc, count, desc, eq, sql } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { nextPromotionStatus } from '#shared/domain/promotion-lifecycle'
import type { AdminPromotionQuery, PromotionDecisionInput } from '#shared/schemas/promotions'
import type { Page } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { promotions } from '~~/server/db/schema'
import { audit } from '~~/server/utils/audit'
import type { Caller } from '~~/server/utils/guards'
import type { PromotionRecordDto, PromotionStatusDto } from '#shared/types/merchants'
import { toPromotionRecordDtos } from './merchant-promotions'
import { promotionRecords } from './promotions'

/**
 * The promotion review queue. Submitted promotions come first, the longest-waiting first (a submission sets
 * updatedAt, and nothing else touches a submitted promotion); everything else follows, most recently changed first.
 */
export async function listPromotionsForReview(db: Executor, query: AdminPromotionQuery): Promise<Page<PromotionRecordDto>> {
  const where = query.status ? eq(promotions.status, query.status) : undefined
  const waiting = sql`${promotions.status} = 'submitted'`
  const [rows, [totalRow]] = await Promise.all([
    promotionRecords(db, where)
      .orderBy(
        desc(waiting),
        asc(sql`case when ${waiting} then ${promotions.updatedAt} end`),
        desc(promotions.updatedAt),
        asc(promotions.id),
      )
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(promotions).where(where),
  ])
  return {
    items: await toPromotionRecordDtos(db, rows),
    total: totalRow?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}

/**
 * A reviewer approves or rejects a submitted promotion, on a locked row, with the audit entry in the same
 * transaction. A rejection keeps its reason for the merchant; an approval clears any earlier one.
 */
export async function decidePromotion(db: Executor, actor: Caller, id: string, decision: PromotionDecisionInput, now: Date): Promise<PromotionStatusDto> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(promotions).where(eq(promotions.id, id)).limit(1).for('update')
    if (!current) throw new DomainError('NOT_FOUND', 'No such promotion')
    const reason = decision.reason?.trim() || null
    const status = nextPromotionStatus(current.status, decision.action, reason)
    const reviewReason = decision.action === 'approve' ? null : reason
    const [row] = await tx.update(promotions).set({ status, reviewReason, updatedAt: now })
      .where(and(eq(promotions.id, id), eq(promotions.status, current.status)))
      .returning({ id: promotions.id, status: promotions.status })
    if (!row) throw new DomainError('INVALID_TRANSITION', 'The promotion changed meanwhile: reload and decide again')
    await audit(tx, {
      actor,
      action: `promotion.${decision.action}`,
      entityType: 'promotion',
      entityId: id,
      before: { status: current.status, reviewReason: current.reviewReason },
      after: { status, reviewReason },
      reason,
    })
    return row
  })
}
