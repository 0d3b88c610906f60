import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { publicEventStatus } from '#shared/domain/events'
import { escapeLike, searchTokens } from '#shared/domain/search'
import { quoteSubsidy } from '#shared/domain/subsidy'
import type { ProductListQuery } from '#shared/schemas/public'
import type { CategoryDto, Page, ProductDetailDto, ProductDto, ProductSubsidyDto } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { categories, eventRules, events, products } from '~~/server/db/schema'
import { findPublicEvent, publicStatusCondition, ruleOf } from './events'

type ProductRow = typeof products.$inferSelect

export async function listCategories(db: Executor): Promise<CategoryDto[]> {
  const rows = await db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.code))
  return rows.map(r => ({ code: r.code, kind: r.kind, nameZh: r.nameZh, nameEn: r.nameEn, safeUseYears: r.safeUseYears, safeUseNote: r.safeUseNote }))
}

export function toProductDto(row: ProductRow): ProductDto {
  return {
    id: row.id,
    brand: row.brand,
    brandAlias: row.brandAlias,
    model: row.model,
    categoryCode: row.categoryCode,
    energyGrade: row.energyGrade,
    waterGrade: row.waterGrade,
    labelNo: row.labelNo,
    filedPriceFen: row.filedPriceFen,
    retired: row.retiredAt !== null,
  }
}

/** The efficiency grade that decides the subsidy (shared/domain/subsidy effectiveGrade), as SQL text. */
const gradeKeySql = sql`coalesce(least(${products.energyGrade}, ${products.waterGrade})::text, 'none')`

const bestGradeSql = sql`least(${products.energyGrade}, ${products.waterGrade}) asc nulls last`

function sortOrder(sort: ProductListQuery['sort'], tokens: string[]): SQL[] {
  const byKey: Record<ProductListQuery['sort'], SQL[]> = {
    price_asc: [asc(products.filedPriceFen)],
    price_desc: [desc(products.filedPriceFen)],
    grade: [bestGradeSql, asc(products.filedPriceFen)],
    brand: [asc(products.brand), asc(products.model)],
    // Relevance: a brand or model that starts with the first word typed, then the shortest (closest)
    // match, then the most efficient. Cheap to compute for thousands of matches, unlike similarity().
    relevance: [
      ...(tokens.length > 0
        ? [sql`(strpos('|' || ${products.searchKey}, ${`|${tokens[0]}`}) > 0) desc`, sql`length(${products.searchKey}) asc`]
        : []),
      bestGradeSql,
      asc(products.brand),
      asc(products.model),
    ],
  }
  // The id last, so that pages never overlap or skip.
  return [...byKey[sort], asc(products.id)]
}

export async function listProducts(db: Executor, query: ProductListQuery): Promise<Page<ProductDto>> {
  const tokens = searchTokens(query.q)
  const conditions: (SQL | undefined)[] = [isNull(products.retiredAt)]
  for (const token of tokens) conditions.push(sql`${products.searchKey} like ${`%${escapeLike(token)}%`}`)
  if (query.category) conditions.push(eq(products.categoryCode, query.category))
  if (query.brand) {
    const brand = query.brand.toLowerCase()
    conditions.push(or(sql`lower(${products.brand}) = ${brand}`, sql`lower(${products.brandAlias}) = ${brand}`))
  }
  if (query.grade !== undefined) conditions.push(sql`least(${products.energyGrade}, ${products.waterGrade}) = ${query.grade}`)
  if (query.minPriceFen !== undefined) conditions.push(gte(products.filedPriceFen, query.minPriceFen))
  if (query.maxPriceFen !== undefined) conditions.push(lte(products.filedPriceFen, query.maxPriceFen))
  if (query.event) {
    const event = await findPublicEvent(db, query.event)
    // Eligible under the event's rule for the product's category: a fixed amount, or a rate for its grade.
    conditions.push(sql`exists (select 1 from ${eventRules} where ${eventRules.eventId} = ${event.id}
      and ${eventRules.categoryCode} = ${products.categoryCode}
      and (${eventRules.fixedFen} is not null or jsonb_exists(${eventRules.ratePctByGrade}, ${gradeKeySql})))`)
  }
  const where = and(...conditions)
  const order = sortOrder(query.sort, tokens)
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(products).where(where).orderBy(...order).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(products).where(where),
  ])
  return { items: rows.map(toProductDto), total: totalRow?.total ?? 0, page: query.page, pageSize: query.pageSize }
}

export async function findProduct(db: Executor, id: string): Promise<ProductRow> {
  const [row] = await db.select().from(products).where(eq(products.id, id)).limit(1)
  if (!row) throw new DomainError('NOT_FOUND', 'No such product')
  return row
}

export async function getProduct(db: Executor, id: string, now: Date): Promise<ProductDetailDto> {
  const product = await findProduct(db, id)
  const rows = await db.select({ event: events, rule: eventRules })
    .from(eventRules)
    .innerJoin(events, eq(events.id, eventRules.eventId))
    .where(and(
      eq(eventRules.categoryCode, product.categoryCode),
      or(publicStatusCondition('current', now), publicStatusCondition('upcoming', now)),
    ))
    .orderBy(asc(events.startsAt))
  const subsidies: ProductSubsidyDto[] = rows.map(({ event, rule }) => {
    const quote = quoteSubsidy(ruleOf(rule), product, product.filedPriceFen)
    return {
      eventSlug: event.slug,
      eventTitle: event.titleZh,
      eventTitleEn: event.titleEn,
      eventStatus: publicEventStatus(event, now)!,
      eligible: quote.eligible,
      subsidyFen: quote.subsidyFen,
      payableFen: quote.payableFen,
      ...(quote.eligible ? {} : { reason: quote.reason }),
    }
  })
  return { ...toProductDto(product), subsidies }
}

export async function existingCategoryCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = await db.select({ code: categories.code }).from(categories).where(inArray(categories.code, codes))
  return new Set(rows.map(r => r.code))
}
