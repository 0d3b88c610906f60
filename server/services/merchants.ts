import { and, asc, count, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { escapeLike } from '#shared/domain/search'
import type { MerchantListQuery } from '#shared/schemas/public'
import type { MerchantDetailDto, MerchantDto, Page } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { eventEnrolments, events, merchantCategories, merchants } from '~~/server/db/schema'
import { findPublicEvent, publicStatusCondition } from './events'
import { listPromotions } from './promotions'

type MerchantRow = typeof merchants.$inferSelect

/** Great-circle distance in metres (haversine; the district is small enough that this is exact to a metre). */
function distanceSql(lat: number, lng: number): SQL<number> {
  return sql<number>`round(2 * 6371000 * asin(sqrt(
    power(sin(radians(${merchants.lat} - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(${merchants.lat})) * power(sin(radians(${merchants.lng} - ${lng}) / 2), 2))))`
}

function toMerchantDto(row: MerchantRow, categoryCodes: string[], distanceM?: number | null): MerchantDto {
  return {
    id: row.id,
    name: row.name,
    street: row.street,
    address: row.address,
    storePhone: row.storePhone,
    categories: categoryCodes,
    openingHours: row.openingHours,
    lat: row.lat,
    lng: row.lng,
    ...(distanceM === undefined || distanceM === null ? {} : { distanceM: Number(distanceM) }),
  }
}

/** Each merchant's categories, sorted. */
export async function categoriesOfMerchants(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>()
  if (ids.length === 0) return map
  const rows = await db.select().from(merchantCategories)
    .where(inArray(merchantCategories.merchantId, ids)).orderBy(asc(merchantCategories.categoryCode))
  for (const row of rows) map.set(row.merchantId, [...(map.get(row.merchantId) ?? []), row.categoryCode])
  return map
}

/** Approved merchants only (rule 8): every other status is invisible to the public. */
export async function listPublicMerchants(db: Executor, query: MerchantListQuery): Promise<Page<MerchantDto>> {
  const conditions: (SQL | undefined)[] = [eq(merchants.status, 'approved')]
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`
    conditions.push(or(ilike(merchants.name, pattern), ilike(merchants.address, pattern)))
  }
  if (query.street) conditions.push(eq(merchants.street, query.street))
  if (query.category) {
    conditions.push(exists(db.select({ one: sql`1` }).from(merchantCategories).where(and(
      eq(merchantCategories.merchantId, merchants.id), eq(merchantCategories.categoryCode, query.category)))))
  }
  if (query.event) {
    const event = await findPublicEvent(db, query.event)
    conditions.push(exists(db.select({ one: sql`1` }).from(eventEnrolments).where(and(
      eq(eventEnrolments.merchantId, merchants.id),
      eq(eventEnrolments.eventId, event.id),
      query.category ? eq(eventEnrolments.categoryCode, query.category) : undefined))))
  }
  const where = and(...conditions)
  const distance = query.near ? distanceSql(query.near.lat, query.near.lng) : undefined
  const order: SQL[] = distance ? [sql`${distance} asc nulls last`] : [asc(merchants.street)]
  order.push(asc(merchants.name), asc(merchants.id))
  const [rows, [totalRow]] = await Promise.all([
    db.select({ merchant: merchants, distanceM: distance ?? sql<null>`null` }).from(merchants).where(where)
      .orderBy(...order).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(merchants).where(where),
  ])
  const cats = await categoriesOfMerchants(db, rows.map(r => r.merchant.id))
  return {
    items: rows.map(r => toMerchantDto(r.merchant, cats.get(r.merchant.id) ?? [], distance ? r.distanceM : undefined)),
    total: totalRow?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function getPublicMerchant(db: Executor, id: string, now: Date): Promise<MerchantDetailDto> {
  const [row] = await db.select().from(merchants).where(and(eq(merchants.id, id), eq(merchants.status, 'approved'))).limit(1)
  if (!row) throw new DomainError('NOT_FOUND', 'No such merchant')
  const [cats, promotions, enrolments] = await Promise.all([
    categoriesOfMerchants(db, [row.id]),
    listPromotions(db, { merchant: row.id, page: 1, pageSize: 100 }, now),
    db.select({ slug: events.slug, title: events.titleZh, titleEn: events.titleEn, categoryCode: eventEnrolments.categoryCode })
      .from(eventEnrolments)
      .innerJoin(events, eq(events.id, eventEnrolments.eventId))
      .where(and(
        eq(eventEnrolments.merchantId, row.id),
        or(publicStatusCondition('current', now), publicStatusCondition('upcoming', now)),
      ))
      .orderBy(asc(events.startsAt), asc(eventEnrolments.categoryCode)),
  ])
  const bySlug = new Map<string, MerchantDetailDto['events'][number]>()
  for (const e of enrolments) {
    const entry = bySlug.get(e.slug) ?? { slug: e.slug, title: e.title, titleEn: e.titleEn, categories: [] }
    entry.categories.push(e.categoryCode)
    bySlug.set(e.slug, entry)
  }
  return { ...toMerchantDto(row, cats.get(row.id) ?? []), promotions: promotions.items, events: [...bySlug.values()] }
}
