import { and, desc, eq, inArray } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { publicEventStatus } from '#shared/domain/events'
import {
  nextPromotionStatus,
  promotionKindProblem,
  promotionPeriodIssue,
  type PromotionAction,
} from '#shared/domain/promotion-lifecycle'
import type { PromotionInput } from '#shared/schemas/promotions'
import type { Executor } from '~~/server/db/client'
import { eventRules, events, merchantCategories, promotionCategories, promotions } from '~~/server/db/schema'
import { audit } from '~~/server/utils/audit'
import type { MerchantCaller } from '~~/server/utils/guards'
import type { Issue } from '~~/server/utils/errors'
import { findPublicEvent } from './events'
import { categoriesOfPromotions, promotionRecords, toPromotionDto, type PromotionRecordRow } from './promotions'
import type { PromotionRecordDto, PromotionStatusDto } from '#shared/types/merchants'

type PromotionRow = typeof promotions.$inferSelect
type EventRow = typeof events.$inferSelect

/** The public DTO plus the lifecycle, for the merchant who owns the promotion and for reviewers. */
export function toPromotionRecordDto(row: PromotionRecordRow, categories: string[]): PromotionRecordDto {
  const p = row.promotion
  return {
    ...toPromotionDto(row, categories),
    status: p.status,
    reviewReason: p.reviewReason,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }
}

export async function toPromotionRecordDtos(db: Executor, rows: PromotionRecordRow[]): Promise<PromotionRecordDto[]> {
  const cats = await categoriesOfPromotions(db, rows.map(r => r.promotion.id))
  return rows.map(r => toPromotionRecordDto(r, cats.get(r.promotion.id) ?? []))
}

const ownedBy = (caller: MerchantCaller, id: string) => and(eq(promotions.id, id), eq(promotions.merchantId, caller.merchantId))

function assertApproved(caller: MerchantCaller): void {
  if (caller.merchantStatus !== 'approved') throw new DomainError('MERCHANT_NOT_APPROVED', 'Only approved merchants can publish promotions')
}

/**
 * Drafts and unknown slugs do not exist for merchants either (404, as on the public side); an event that has
 * ended or was closed takes no new promotions (409 INVALID_TRANSITION).
 */
function assertTakesPromotions(event: EventRow, now: Date): void {
  const status = publicEventStatus(event, now)
  if (status !== 'current' && status !== 'upcoming') {
    throw new DomainError('INVALID_TRANSITION', 'This event has ended and takes no new promotions', { eventStatus: status })
  }
}

/**
 * A draft promotion of an approved merchant in a current or upcoming event. Its categories must be both the
 * merchant's own (approved) categories and covered by the event's rules; its period must lie inside the event's.
 */
export async function createPromotion(db: Executor, caller: MerchantCaller, input: PromotionInput, now: Date): Promise<PromotionRecordDto> {
  assertApproved(caller)
  const event = await findPublicEvent(db, input.eventSlug)
  assertTakesPromotions(event, now)

  const [own, covered] = await Promise.all([
    db.select({ code: merchantCategories.categoryCode }).from(merchantCategories)
      .where(and(eq(merchantCategories.merchantId, caller.merchantId), inArray(merchantCategories.categoryCode, input.categories))),
    db.select({ code: eventRules.categoryCode }).from(eventRules)
      .where(and(eq(eventRules.eventId, event.id), inArray(eventRules.categoryCode, input.categories))),
  ])
  const ownCodes = new Set(own.map(r => r.code))
  const coveredCodes = new Set(covered.map(r => r.code))
  const issues: Issue[] = []
  for (const code of input.categories) {
    if (!ownCodes.has(code)) issues.push({ path: 'categories', message: `${code} is not one of your shop's approved categories` })
    else if (!coveredCodes.has(code)) issues.push({ path: 'categories', message: `${code} is not part of this event` })
  }
  const kindProblem = promotionKindProblem(input.kind, event.kind)
  if (kindProblem) issues.push({ path: 'kind', message: kindProblem })
  const period = promotionPeriodIssue(input.startsAt, input.endsAt, event, now)
  if (period) issues.push(period)
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', 'The promotion does not fit this event', { issues })

  return db.transaction(async (tx) => {
    const [row] = await tx.insert(promotions).values({
      merchantId: caller.merchantId,
      eventId: event.id,
      kind: input.kind,
      status: 'draft',
      title: input.title,
      description: input.description,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      createdAt: now,
      updatedAt: now,
    }).returning()
    const categories = [...input.categories].sort()
    await tx.insert(promotionCategories).values(categories.map(categoryCode => ({ promotionId: row!.id, categoryCode })))
    await audit(tx, {
      actor: caller,
      action: 'promotion.create',
      entityType: 'promotion',
      entityId: row!.id,
      after: { status: row!.status, eventSlug: event.slug, kind: row!.kind, title: row!.title, categories, startsAt: row!.startsAt.toISOString(), endsAt: row!.endsAt.toISOString() },
    })
    const [record] = await promotionRecords(tx, eq(promotions.id, row!.id))
    return toPromotionRecordDto(record!, categories)
  })
}

/** The merchant's own promotions in every status, newest first. */
export async function listOwnPromotions(db: Executor, caller: MerchantCaller): Promise<{ items: PromotionRecordDto[] }> {
  const rows = await promotionRecords(db, eq(promotions.merchantId, caller.merchantId))
    .orderBy(desc(promotions.createdAt), desc(promotions.id))
  return { items: await toPromotionRecordDtos(db, rows) }
}

/**
 * One of the merchant's own transitions on a row locked FOR UPDATE and found by (id, merchantId): someone
 * else's promotion is 404, exactly like one that does not exist.
 */
async function transitionOwn(
  db: Executor,
  caller: MerchantCaller,
  id: string,
  action: Extract<PromotionAction, 'submit' | 'end'>,
  now: Date,
  precondition?: (tx: Executor, row: PromotionRow) => Promise<void>,
): Promise<PromotionStatusDto> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(promotions).where(ownedBy(caller, id)).limit(1).for('update')
    if (!current) throw new DomainError('NOT_FOUND', 'No such promotion')
    const status = nextPromotionStatus(current.status, action)
    await precondition?.(tx, current)
    const [row] = await tx.update(promotions).set({ status, updatedAt: now })
      .where(and(ownedBy(caller, id), eq(promotions.status, current.status)))
      .returning({ id: promotions.id, status: promotions.status })
    if (!row) throw new DomainError('INVALID_TRANSITION', 'The promotion changed meanwhile: reload and try again')
    await audit(tx, { actor: caller, action: `promotion.${action}`, entityType: 'promotion', entityId: id, before: { status: current.status }, after: { status } })
    return row
  })
}

/** Sends a draft (or a rejected promotion, again) to the reviewers; only while the merchant is approved and the event open. */
export async function submitPromotion(db: Executor, caller: MerchantCaller, id: string, now: Date): Promise<PromotionStatusDto> {
  return transitionOwn(db, caller, id, 'submit', now, async (tx, row) => {
    assertApproved(caller)
    const [event] = await tx.select().from(events).where(eq(events.id, row.eventId)).limit(1)
    assertTakesPromotions(event!, now)
  })
}

/** The merchant withdraws a draft or submitted promotion, or ends an approved one early; it leaves the public listing at once. */
export async function endPromotion(db: Executor, caller: MerchantCaller, id: string, now: Date): Promise<PromotionStatusDto> {
  return transitionOwn(db, caller, id, 'end', now)
}
