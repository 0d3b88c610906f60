import { and, asc, count, eq, gt, inArray, lte, or, sql, type SQL } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { nextReleaseOpening, publicEventStatus, releaseState, remaining } from '#shared/domain/events'
import type { PublicEventStatus } from '#shared/domain/events'
import type { SubsidyRule } from '#shared/domain/subsidy'
import type { EventListQuery } from '#shared/schemas/public'
import type { EventDetailDto, EventRuleDto, EventSummaryDto, Page, ReleaseDto } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { eventEnrolments, eventRules, events, merchants, qualificationReleases } from '~~/server/db/schema'
import { expireDueVouchers } from './vouchers'

type EventRow = typeof events.$inferSelect

/** SQL twin of shared/domain/events publicEventStatus (kept equal by test/integration/events.test.ts). */
export function publicStatusCondition(status: PublicEventStatus | undefined, now: Date): SQL {
  const visible = inArray(events.status, ['published', 'closed'])
  switch (status) {
    case 'current':
      return and(eq(events.status, 'published'), lte(events.startsAt, now), gt(events.endsAt, now))!
    case 'upcoming':
      return and(eq(events.status, 'published'), gt(events.startsAt, now))!
    case 'ended':
      return or(eq(events.status, 'closed'), and(eq(events.status, 'published'), lte(events.endsAt, now)))!
    default:
      return visible
  }
}

export function ruleOf(row: typeof eventRules.$inferSelect): SubsidyRule {
  return {
    ratePctByGrade: row.ratePctByGrade ?? null,
    capFen: row.capFen,
    fixedFen: row.fixedFen,
    priceCeilingFen: row.priceCeilingFen,
    perPersonLimit: row.perPersonLimit,
    requiresTradeIn: row.requiresTradeIn,
  }
}

function toRuleDto(row: typeof eventRules.$inferSelect): EventRuleDto {
  return { categoryCode: row.categoryCode, ...ruleOf(row) }
}

export function toReleaseDto(row: typeof qualificationReleases.$inferSelect, now: Date): ReleaseDto {
  return {
    id: row.id,
    categoryCode: row.categoryCode,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    quota: row.quota,
    remaining: remaining(row),
    state: releaseState(row, now),
  }
}

function toSummary(row: EventRow, categories: string[], nextReleaseAt: Date | null, now: Date): EventSummaryDto {
  return {
    id: row.id,
    slug: row.slug,
    title: row.titleZh,
    titleEn: row.titleEn,
    kind: row.kind,
    status: publicEventStatus(row, now)!,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    budgetFen: row.budgetFen,
    spentFen: row.spentFen,
    reservedFen: row.reservedFen,
    categories,
    nextReleaseAt: nextReleaseAt?.toISOString() ?? null,
  }
}

/** Each event's rule categories, sorted. */
export async function categoriesByEvent(db: Executor, eventIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>()
  if (eventIds.length === 0) return map
  const rows = await db.select({ eventId: eventRules.eventId, code: eventRules.categoryCode })
    .from(eventRules).where(inArray(eventRules.eventId, eventIds)).orderBy(asc(eventRules.categoryCode))
  for (const row of rows) map.set(row.eventId, [...(map.get(row.eventId) ?? []), row.code])
  return map
}

async function nextReleasesByEvent(db: Executor, eventIds: string[], now: Date): Promise<Map<string, Date>> {
  const map = new Map<string, Date>()
  if (eventIds.length === 0) return map
  const rows = await db.select({ eventId: qualificationReleases.eventId, opensAt: sql<Date>`min(${qualificationReleases.opensAt})`.mapWith(qualificationReleases.opensAt) })
    .from(qualificationReleases)
    .where(and(inArray(qualificationReleases.eventId, eventIds), gt(qualificationReleases.opensAt, now)))
    .groupBy(qualificationReleases.eventId)
  for (const row of rows) map.set(row.eventId, row.opensAt)
  return map
}

export async function listPublicEvents(db: Executor, query: EventListQuery, now: Date): Promise<Page<EventSummaryDto>> {
  const where = and(publicStatusCondition(query.status, now), query.kind ? eq(events.kind, query.kind) : undefined)
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(events).where(where)
      .orderBy(asc(sql`case when ${events.status} = 'published' and ${events.endsAt} > ${now.toISOString()}::timestamptz then 0 else 1 end`), asc(events.startsAt), asc(events.slug))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(events).where(where),
  ])
  const ids = rows.map(r => r.id)
  const [cats, next] = await Promise.all([categoriesByEvent(db, ids), nextReleasesByEvent(db, ids, now)])
  return {
    items: rows.map(r => toSummary(r, cats.get(r.id) ?? [], next.get(r.id) ?? null, now)),
    total: totalRow?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** A public (published or closed) event by slug, or NOT_FOUND: drafts do not exist for the public. */
export async function findPublicEvent(db: Executor, slug: string): Promise<EventRow> {
  const [row] = await db.select().from(events)
    .where(and(eq(events.slug, slug), inArray(events.status, ['published', 'closed']))).limit(1)
  if (!row) throw new DomainError('NOT_FOUND', 'No such event')
  return row
}

export async function getPublicEvent(db: Executor, slug: string, now: Date): Promise<EventDetailDto> {
  // Lazy expiry first (server/services/vouchers.ts), so remaining quota and reserved budget are right now.
  await expireDueVouchers(db, now)
  const event = await findPublicEvent(db, slug)
  const [rules, releases, [enrolled]] = await Promise.all([
    db.select().from(eventRules).where(eq(eventRules.eventId, event.id)).orderBy(asc(eventRules.categoryCode)),
    db.select().from(qualificationReleases).where(eq(qualificationReleases.eventId, event.id))
      .orderBy(asc(qualificationReleases.opensAt), asc(qualificationReleases.categoryCode)),
    db.select({ n: sql<number>`count(distinct ${eventEnrolments.merchantId})`.mapWith(Number) })
      .from(eventEnrolments)
      .innerJoin(merchants, eq(merchants.id, eventEnrolments.merchantId))
      .where(and(eq(eventEnrolments.eventId, event.id), eq(merchants.status, 'approved'))),
  ])
  const next = nextReleaseOpening(releases, now)
  return {
    ...toSummary(event, rules.map(r => r.categoryCode), next, now),
    description: event.descriptionZh,
    descriptionEn: event.descriptionEn,
    rules: rules.map(toRuleDto),
    releases: releases.map(r => toReleaseDto(r, now)),
    enrolledMerchants: enrolled?.n ?? 0,
  }
}

/** The rule of one category in an event, or null when the event does not cover it. */
export async function findRule(db: Executor, eventId: string, categoryCode: string): Promise<SubsidyRule | null> {
  const [row] = await db.select().from(eventRules)
    .where(and(eq(eventRules.eventId, eventId), eq(eventRules.categoryCode, categoryCode))).limit(1)
  return row ? ruleOf(row) : null
}
