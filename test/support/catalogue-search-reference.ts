/**
 * The catalogue search as it was written at 7f8eb6b: one statement with a LIKE per word on search_key and
 * a count(*) beside it. The planned search (server/services/catalogue.ts listProducts) must answer exactly
 * as this does: the oracle of test/integration/catalogue-search.test.ts and the "before" of bench/search.ts.
 * It reads only the columns that existed then, so it also runs on a database migrated to 7f8eb6b.
 */
import { and, asc, count, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { escapeLike, searchTokens } from '#shared/domain/search'
import type { ProductListQuery } from '#shared/schemas/public'
import type { Page, ProductDto } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { eventRules, products } from '~~/server/db/schema'
import { findPublicEvent } from '~~/server/services/events'

const gradeKeySql = sql`coalesce(least(${products.energyGrade}, ${products.waterGrade})::text, 'none')`

const bestGradeSql = sql`least(${products.energyGrade}, ${products.waterGrade}) asc nulls last`

function sortOrder(sort: ProductListQuery['sort'], tokens: string[]): SQL[] {
  const byKey: Record<ProductListQuery['sort'], SQL[]> = {
    price_asc: [asc(products.filedPriceFen)],
    price_desc: [desc(products.filedPriceFen)],
    grade: [bestGradeSql, asc(products.filedPriceFen)],
    brand: [asc(products.brand), asc(products.model)],
    relevance: [
      ...(tokens.length > 0
        ? [sql`(strpos('|' || ${products.searchKey}, ${`|${tokens[0]}`}) > 0) desc`, sql`length(${products.searchKey}) asc`]
        : []),
      bestGradeSql,
      asc(products.brand),
      asc(products.model),
    ],
  }
  return [...byKey[sort], asc(products.id)]
}

/** Every column the products table had at 7f8eb6b (what its `select()` read). */
const columns = {
  id: products.id,
  brand: products.brand,
  brandAlias: products.brandAlias,
  model: products.model,
  categoryCode: products.categoryCode,
  energyGrade: products.energyGrade,
  waterGrade: products.waterGrade,
  labelNo: products.labelNo,
  filedPriceFen: products.filedPriceFen,
  retiredAt: products.retiredAt,
  createdAt: products.createdAt,
  searchKey: products.searchKey,
}

export async function referenceListProducts(db: Executor, query: ProductListQuery): Promise<Page<ProductDto>> {
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
    conditions.push(sql`exists (select 1 from ${eventRules} where ${eventRules.eventId} = ${event.id}
      and ${eventRules.categoryCode} = ${products.categoryCode}
      and (${eventRules.fixedFen} is not null or jsonb_exists(${eventRules.ratePctByGrade}, ${gradeKeySql})))`)
  }
  const where = and(...conditions)
  const order = sortOrder(query.sort, tokens)
  const [rows, [totalRow]] = await Promise.all([
    db.select(columns).from(products).where(where).orderBy(...order).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(products).where(where),
  ])
  return {
    items: rows.map(r => ({
      id: r.id,
      brand: r.brand,
      brandAlias: r.brandAlias,
      model: r.model,
      categoryCode: r.categoryCode,
      energyGrade: r.energyGrade,
      waterGrade: r.waterGrade,
      labelNo: r.labelNo,
      filedPriceFen: r.filedPriceFen,
      retired: r.retiredAt !== null,
    })),
    total: totalRow?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}
