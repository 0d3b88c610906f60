import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import type { EnrolmentInput } from '#shared/schemas/vouchers'
import type { Executor } from '~~/server/db/client'
import { eventEnrolments, eventRules, events, merchantCategories } from '~~/server/db/schema'
import { audit } from '~~/server/utils/audit'
import type { MerchantCaller } from '~~/server/utils/guards'
import type { EnrolmentDto } from '#shared/types/merchants'

/** Whether the merchant has joined the event for this category (rule 6: only then may it redeem). */
export async function isEnrolled(db: Executor, eventId: string, merchantId: string, categoryCode: string): Promise<boolean> {
  const [row] = await db.select({ one: sql<number>`1` }).from(eventEnrolments)
    .where(and(eq(eventEnrolments.eventId, eventId), eq(eventEnrolments.merchantId, merchantId), eq(eventEnrolments.categoryCode, categoryCode))).limit(1)
  return row !== undefined
}

/**
 * An approved merchant joins a published, not yet ended event for some of its approved categories that the
 * event covers. Enrolling twice is harmless (insert or ignore).
 */
export async function enrol(db: Executor, caller: MerchantCaller, input: EnrolmentInput, now: Date): Promise<EnrolmentDto> {
  if (caller.merchantStatus !== 'approved') throw new DomainError('MERCHANT_NOT_APPROVED', 'Only approved merchants can join events')
  const [event] = await db.select().from(events).where(and(eq(events.slug, input.eventSlug), inArray(events.status, ['published', 'closed']))).limit(1)
  if (!event) throw new DomainError('NOT_FOUND', 'No such event')
  if (event.status !== 'published' || event.endsAt <= now) throw new DomainError('NOT_OPEN', 'This event has ended')
  const wanted = [...new Set(input.categories)]
  const [own, covered] = await Promise.all([
    db.select({ code: merchantCategories.categoryCode }).from(merchantCategories).where(eq(merchantCategories.merchantId, caller.merchantId)),
    db.select({ code: eventRules.categoryCode }).from(eventRules).where(eq(eventRules.eventId, event.id)),
  ])
  const ownSet = new Set(own.map(r => r.code))
  const coveredSet = new Set(covered.map(r => r.code))
  const issues = wanted.filter(c => !ownSet.has(c) || !coveredSet.has(c))
    .map(c => ({ path: 'categories', message: ownSet.has(c) ? `The event does not cover ${c}` : `${c} is not one of your approved categories` }))
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', 'Some categories cannot be enrolled', { issues })
  return db.transaction(async (tx) => {
    const added = await tx.insert(eventEnrolments)
      .values(wanted.map(categoryCode => ({ eventId: event.id, merchantId: caller.merchantId, categoryCode, createdAt: now })))
      .onConflictDoNothing().returning({ categoryCode: eventEnrolments.categoryCode })
    if (added.length > 0) {
      await audit(tx, { actor: caller, action: 'enrolment.create', entityType: 'merchant', entityId: caller.merchantId, after: { eventSlug: event.slug, categories: added.map(a => a.categoryCode) } })
    }
    const all = await tx.select({ code: eventEnrolments.categoryCode }).from(eventEnrolments)
      .where(and(eq(eventEnrolments.eventId, event.id), eq(eventEnrolments.merchantId, caller.merchantId)))
      .orderBy(asc(eventEnrolments.categoryCode))
    return { eventSlug: event.slug, eventTitle: event.titleZh, categories: all.map(r => r.code) }
  })
}

export async function listEnrolments(db: Executor, caller: MerchantCaller): Promise<{ items: EnrolmentDto[] }> {
  const rows = await db.select({ slug: events.slug, title: events.titleZh, startsAt: events.startsAt, code: eventEnrolments.categoryCode })
    .from(eventEnrolments).innerJoin(events, eq(events.id, eventEnrolments.eventId))
    .where(eq(eventEnrolments.merchantId, caller.merchantId))
    .orderBy(asc(events.startsAt), asc(events.slug), asc(eventEnrolments.categoryCode))
  const bySlug = new Map<string, EnrolmentDto>()
  for (const r of rows) {
    const item = bySlug.get(r.slug) ?? { eventSlug: r.slug, eventTitle: r.title, categories: [] }
    item.categories.push(r.code)
    bySlug.set(r.slug, item)
  }
  return { items: [...bySlug.values()] }
}
