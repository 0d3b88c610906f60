import { and, asc, count, eq, exists, gt, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { PromotionListQuery } from '#shared/schemas/public'
import type { Page, PromotionDto } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { events, merchants, promotionCategories, promotions } from '~~/server/db/schema'
import { findPublicEvent } from './events'

type PromotionRow = typeof promotions.$inferSelect

export interface PromotionRecordRow {
  promotion: PromotionRow
  merchantName: string
  event: { slug: string, title: string, titleEn: string }
}

/** Promotions with their merchant's name and their event; callers add the WHERE (ownership, status) and order. */
export function promotionRecords(db: Executor, where: SQL | undefined) {
  return db.select({ promotion: promotions, merchantName: merchants.name, event: { slug: events.slug, title: events.titleZh, titleEn: events.titleEn } })
    .from(promotions)
    .innerJoin(merchants, eq(merchants.id, promotions.merchantId))
    .innerJoin(events, eq(events.id, promotions.eventId))
    .where(where)
}

export async function categoriesOfPromotions(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>()
  if (ids.length === 0) return map
  const rows = await db.select().from(promotionCategories)
    .where(inArray(promotionCategories.promotionId, ids)).orderBy(asc(promotionCategories.categoryCode))
  for (const row of rows) map.set(row.promotionId, [...(map.get(row.promotionId) ?? []), row.categoryCode])
  return map
}

export function toPromotionDto({ promotion: p, merchantName, event: e }: PromotionRecordRow, categories: string[]): PromotionDto {
  return {
    id: p.id,
    merchantId: p.merchantId,
    merchantName,
    eventSlug: e.slug,
    eventTitle: e.title,
    eventTitleEn: e.titleEn,
    kind: p.kind,
    title: p.title,
    description: p.description,
    categories,
    startsAt: p.startsAt.toISOString(),
    endsAt: p.endsAt.toISOString(),
  }
}

/**
 * Published, current promotions: approved by a reviewer, inside their own period, of an approved merchant,
 * in a public event that has not ended.
 */
export async function listPromotions(db: Executor, query: PromotionListQuery, now: Date): Promise<Page<PromotionDto>> {
  const event = query.event ? await findPublicEvent(db, query.event) : undefined
  const where = and(
    eq(promotions.status, 'approved'),
    lte(promotions.startsAt, now),
    gt(promotions.endsAt, now),
    eq(merchants.status, 'approved'),
    eq(events.status, 'published'),
    gt(events.endsAt, now),
    event ? eq(promotions.eventId, event.id) : undefined,
    query.merchant ? eq(promotions.merchantId, query.merchant) : undefined,
    query.category
      ? exists(db.select({ one: sql`1` }).from(promotionCategories).where(and(
          eq(promotionCategories.promotionId, promotions.id), eq(promotionCategories.categoryCode, query.category))))
      : undefined,
  )
  const [rows, [totalRow]] = await Promise.all([
    promotionRecords(db, where).orderBy(asc(promotions.endsAt), asc(promotions.id))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(promotions)
      .innerJoin(merchants, eq(merchants.id, promotions.merchantId))
      .innerJoin(events, eq(events.id, promotions.eventId))
      .where(where),
  ])
  const cats = await categoriesOfPromotions(db, rows.map(r => r.promotion.id))
  return {
    items: rows.map(r => toPromotionDto(r, cats.get(r.promotion.id) ?? [])),
    total: totalRow?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}
