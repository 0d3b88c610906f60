import { and, asc, desc, eq, gte, inArray, isNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { publicEventStatus } from '#shared/domain/events'
import { escapeLike, meetBrandAliases, planSearchParts, searchTokens, type BrandAlias, type SearchPart } from '#shared/domain/search'
import { quoteSubsidy } from '#shared/domain/subsidy'
import { GRADE_KEYS, type ProductListQuery } from '#shared/schemas/public'
import type { CategoryDto, Page, ProductDetailDto, ProductDto, ProductSubsidyDto } from '#shared/types/public'
import { executeRows, type Executor } from '~~/server/db/client'
import { categories, eventRules, events, productBrandAliases, products } from '~~/server/db/schema'
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

/**
 * How a part of a search is read in its order. `indexed`: its rows are known to lead the relevance order
 * (leading match of the first word), so that key is left out and an index gives the rest in order. `sorted`:
 * a word picks its rows, so they are found first and sorted after; the first key is wrapped so the planner
 * cannot read them in an index's order instead, betting that the matches come early, which loses when they
 * sit at the other end (an air-conditioner model among the dearest products first).
 */
type PartOrder = 'merged' | 'indexed' | 'sorted'

function sortOrder(sort: ProductListQuery['sort'], tokens: string[], how: PartOrder = 'merged'): SQL[] {
  const price = products.filedPriceFen
  const grade = products.bestGrade
  const sorted = how === 'sorted'
  const byKey: Record<ProductListQuery['sort'], SQL[]> = {
    price_asc: [sorted ? sql`${price} + 0 asc` : asc(price)],
    price_desc: [sorted ? sql`${price} + 0 desc` : desc(price)],
    grade: [sorted ? sql`${grade} + 0 asc nulls last` : sql`${grade} asc nulls last`, asc(price)],
    brand: [sorted ? sql`${products.brand} || '' asc` : asc(products.brand), asc(products.model)],
    // Relevance: a brand or model that starts with the first word typed, then the shortest (closest)
    // match, then the most efficient. Cheap to compute for thousands of matches, unlike similarity().
    relevance: [
      ...(tokens.length > 0
        ? [
            ...(how === 'indexed' ? [] : [sql`(strpos('|' || ${products.searchKey}, ${`|${tokens[0]}`}) > 0) desc`]),
            sql`length(${products.searchKey}) asc`,
          ]
        : []),
      sql`${grade} asc nulls last`,
      asc(products.brand),
      asc(products.model),
    ],
  }
  // The id last, so that pages never overlap or skip.
  return [...byKey[sort], asc(products.id)]
}

/** What a listing reads: the DTO's columns and the keys of every order. */
const LISTED = [products.id, products.brand, products.brandAlias, products.model, products.categoryCode, products.energyGrade,
  products.waterGrade, products.labelNo, products.filedPriceFen, products.searchKey, products.bestGrade]

interface ListedRow {
  id: string
  brand: string
  brand_alias: string | null
  model: string
  category_code: string
  energy_grade: number | null
  water_grade: number | null
  label_no: string | null
  filed_price_fen: number
}

/** The version of product_brand_aliases: the table only grows, so its count and greatest id tell a change. */
const brandAliasesVersion = sql`(select count(*) || ':' || coalesce(max(${productBrandAliases.id}), 0) from ${productBrandAliases})`

interface BrandAliases { version: string, aliases: BrandAlias[] }

/**
 * The brand pairs, read once per database and kept: every search checks the version beside its count and
 * reads them again (and searches again) when a product brought a new pair in the meantime.
 */
const brandAliasesOf = new WeakMap<Executor, Promise<BrandAliases>>()

function brandAliases(db: Executor, refresh = false): Promise<BrandAliases> {
  const kept = refresh ? undefined : brandAliasesOf.get(db)
  if (kept) return kept
  const loaded = executeRows<{ version: string, brand: string | null, alias: string, key: string, brand_lower: string, alias_lower: string }>(db, sql`
    select v.version, a.brand, a.alias, a.brand_lower, a.alias_lower,
      lower(regexp_replace(a.brand || '|' || a.alias, '[-[:space:]/._()+*]', '', 'g')) as key
    from (select ${brandAliasesVersion} as version) as v
    left join (select brand, alias, lower(brand) as brand_lower, lower(alias) as alias_lower from ${productBrandAliases}) as a on true`)
    .then(rows => ({
      version: rows[0]!.version,
      aliases: rows.flatMap(r => (r.brand === null ? [] : [{ brand: r.brand, alias: r.alias, key: r.key, brandLower: r.brand_lower, aliasLower: r.alias_lower }])),
    }))
  brandAliasesOf.set(db, loaded)
  // A failed read is not kept.
  loaded.catch(() => {
    if (brandAliasesOf.get(db) === loaded) brandAliasesOf.delete(db)
  })
  return loaded
}

/**
 * The products an event subsidises, as a condition on category and grade: a fixed amount covers every grade
 * of its category, a rate only the grades it names (shared/domain/subsidy effectiveGrade: the better of the
 * two labels, 'none' without one). Read from the rules first, so the listing filters its rows instead of
 * joining every category's rule to them; jsonb_exists decides, as it did in the listing. null: the event
 * subsidises nothing.
 */
async function eventEligibility(db: Executor, slug: string): Promise<SQL | null> {
  const rules = await executeRows<{ category: string, keys: string }>(db, sql`
    select ${eventRules.categoryCode} as category,
      case when ${eventRules.fixedFen} is not null then ${GRADE_KEYS.join(',')}
        else array_to_string(array(select k from unnest(${sql.raw(`array[${GRADE_KEYS.map(k => `'${k}'`).join(', ')}]`)}) as k
          where jsonb_exists(${eventRules.ratePctByGrade}, k)), ',') end as keys
    from ${eventRules} join ${events} on ${events.id} = ${eventRules.eventId} where ${events.slug} = ${slug}`)
  const byKeys = new Map<string, string[]>()
  for (const rule of rules) {
    if (rule.keys === '') continue
    byKeys.set(rule.keys, [...(byKeys.get(rule.keys) ?? []), rule.category])
  }
  if (byKeys.size === 0) return null
  return or(...[...byKeys].map(([keys, categoryCodes]) => {
    const named = new Set(keys.split(','))
    if (named.size === GRADE_KEYS.length) return inArray(products.categoryCode, categoryCodes)
    const grades = [...named].filter(k => k !== 'none').map(Number)
    return and(inArray(products.categoryCode, categoryCodes), or(
      grades.length > 0 ? inArray(products.bestGrade, grades) : undefined,
      named.has('none') ? isNull(products.bestGrade) : undefined,
    ))
  }))!
}

/**
 * A word in the model (or, with `wholeKey`, anywhere in search_key). A word of one or two characters is one
 * of the model's search_grams(), found by products_model_key_grams_idx; strpos() rather than LIKE checks
 * it row by row, as a LIKE without a trigram in it would send the planner to the trigram index for nothing.
 */
function wordCondition(token: string, wholeKey: boolean): SQL {
  if (wholeKey) return sql`${products.searchKey} like ${`%${escapeLike(token)}%`}`
  if ([...token].length < 3) return sql`strpos(${products.modelKey}, ${token}) > 0 and search_grams(${products.modelKey}) @> array[${token}]::text[]`
  return sql`${products.modelKey} like ${`%${escapeLike(token)}%`}`
}

function partScope(part: SearchPart, parts: SearchPart[]): SQL | undefined {
  const byAlias = (name: string, alias: string) => and(eq(products.brand, name), sql`coalesce(${products.brandAlias}, '') = ${alias}`)
  if (part.brand) return part.brand.alias === undefined ? eq(products.brand, part.brand.name) : byAlias(part.brand.name, part.brand.alias)
  const whole = parts.flatMap(p => (p.brand && p.brand.alias === undefined ? [p.brand.name] : []))
  const split = parts.flatMap(p => (p.brand && p.brand.alias !== undefined ? [byAlias(p.brand.name, p.brand.alias)] : []))
  return and(whole.length > 0 ? notInArray(products.brand, whole) : undefined, ...split.map(c => sql`not (${c})`))
}

/**
 * The public catalogue search. A product matches when every word is in its search_key (brand|alias|model,
 * normalised); the words split by brand (shared/domain/search planSearchParts), so a brand typed in two
 * characters reads that brand's products from a btree index instead of scanning search_key, and each part
 * reads only its rows up to the end of the page asked for before the parts are merged. Same matches, order
 * and total as one LIKE per word on search_key.
 */
export async function listProducts(db: Executor, query: ProductListQuery): Promise<Page<ProductDto>> {
  const first = await searchOnce(db, query, false)
  // A product brought a brand pair that the kept copy did not have: read the pairs again, search again.
  return first.current ? first.page : (await searchOnce(db, query, true)).page
}

async function searchOnce(db: Executor, query: ProductListQuery, refresh: boolean): Promise<{ page: Page<ProductDto>, current: boolean }> {
  const tokens = searchTokens(query.q)
  const brandFilter = query.brand?.toLowerCase()
  // A '|' typed in a word could span brand and model: such a search reads search_key alone, in one part.
  const spansParts = tokens.some(token => token.includes('|'))
  const byBrand = !spansParts && (tokens.length > 0 || brandFilter !== undefined)
  const [eligible, known] = await Promise.all([
    // The event's rules are read beside the check that it is public (404 otherwise), not after it.
    query.event ? Promise.all([findPublicEvent(db, query.event), eventEligibility(db, query.event)]).then(([, eligible]) => eligible) : undefined,
    byBrand ? brandAliases(db, refresh) : undefined,
  ])
  const planned = known ? planSearchParts(tokens, meetBrandAliases(tokens, known.aliases, brandFilter), brandFilter !== undefined) : null
  const wholeKey = planned === null
  const parts: SearchPart[] = planned ?? [{ brand: null, modelTokens: tokens, leads: false }]
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize }
  if (parts.length === 0 || eligible === null) return { page: empty, current: true }

  const filters: (SQL | undefined)[] = [isNull(products.retiredAt)]
  if (query.category) filters.push(eq(products.categoryCode, query.category))
  if (brandFilter !== undefined) {
    filters.push(or(sql`lower(${products.brand}) = ${brandFilter}`, sql`lower(${products.brandAlias}) = ${brandFilter}`))
  }
  if (query.grade !== undefined) filters.push(eq(products.bestGrade, query.grade))
  if (query.minPriceFen !== undefined) filters.push(gte(products.filedPriceFen, query.minPriceFen))
  if (query.maxPriceFen !== undefined) filters.push(lte(products.filedPriceFen, query.maxPriceFen))
  if (eligible) filters.push(eligible)
  const where = (part: SearchPart) => and(...filters, partScope(part, parts), ...part.modelTokens.map(token => wordCondition(token, wholeKey)))
  // A category within a brand is sorted after it is found too: a brand's products of one category sit
  // together in most orders (price, model length), often far from where the order starts.
  const howPart = (part: SearchPart): PartOrder =>
    part.modelTokens.length > 0 || (part.brand && query.category) ? 'sorted' : part.leads ? 'indexed' : 'merged'
  const partOrder = (part: SearchPart) => sql.join(sortOrder(query.sort, tokens, howPart(part)), sql`, `)
  const columns = sql.join(LISTED, sql`, `)
  const offset = (query.page - 1) * query.pageSize
  const rowsQuery = parts.length === 1
    ? sql`select ${columns} from ${products} where ${where(parts[0]!)} order by ${partOrder(parts[0]!)} limit ${query.pageSize} offset ${offset}`
    : sql`select ${columns} from (${sql.join(parts.map(part =>
      sql`(select ${columns} from ${products} where ${where(part)} order by ${partOrder(part)} limit ${offset + query.pageSize})`,
    ), sql` union all `)}) as ${products} order by ${sql.join(sortOrder(query.sort, tokens), sql`, `)} limit ${query.pageSize} offset ${offset}`
  const counts = parts.map(part => sql`(select count(*) from ${products} where ${where(part)})`)
  const [rows, [totals]] = await Promise.all([
    executeRows<ListedRow>(db, rowsQuery),
    executeRows<{ total: number, version: string | null }>(db, sql`select (${sql.join(counts, sql` + `)})::int as total,
      ${known ? brandAliasesVersion : sql`null`} as version`),
  ])
  return {
    page: { ...empty, items: rows.map(listedDto), total: Number(totals?.total ?? 0) },
    current: !known || totals?.version === known.version,
  }
}

function listedDto(row: ListedRow): ProductDto {
  return {
    id: row.id,
    brand: row.brand,
    brandAlias: row.brand_alias,
    model: row.model,
    categoryCode: row.category_code,
    energyGrade: row.energy_grade,
    waterGrade: row.water_grade,
    labelNo: row.label_no,
    filedPriceFen: row.filed_price_fen,
    retired: false,
  }
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
