import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { categories } from './categories'

/** Brand dictionary: lets "Gree" find 格力 and the other way round. */
export const brands = pgTable('brands', {
  name: text().primaryKey(),
  latinName: text(),
})

const listed = sql`retired_at is null`

export const products = pgTable('products', {
  id: uuid().primaryKey().defaultRandom(),
  brand: text().notNull(),
  /** Latin (or Chinese) alias of the brand, copied from `brands` when the product is written. */
  brandAlias: text(),
  model: text().notNull(),
  categoryCode: text().notNull().references(() => categories.code),
  energyGrade: integer(),
  waterGrade: integer(),
  /** China Energy Label filing number (备案号). */
  labelNo: text(),
  /** Filed price (备案价格): the final price may not exceed it (rule 3). */
  filedPriceFen: integer().notNull(),
  retiredAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /**
   * What a resident may type, lower-cased with separators removed so that "kfr35" and "KFR-35" both find
   * "KFR-35GW/NhAa1BAj". '|' separates the parts so a match never spans brand and model.
   */
  searchKey: text().generatedAlwaysAs(sql`lower(regexp_replace(brand || '|' || coalesce(brand_alias, '') || '|' || model, '[-[:space:]/._()+*]', '', 'g'))`),
  /**
   * The model part of search_key, normalised the same way. A word the brand does not contain is looked up
   * here (server/services/catalogue.ts), so a brand's own name never floods the model indexes.
   */
  modelKey: text().generatedAlwaysAs(sql`lower(regexp_replace(model, '[-[:space:]/._()+*]', '', 'g'))`),
  /**
   * The grade that decides the subsidy (shared/domain/subsidy effectiveGrade): the better of the two labels,
   * null without one. Stored, so the listing's grade filter and orders have a column to index and count on.
   */
  bestGrade: integer().generatedAlwaysAs(sql`least(energy_grade, water_grade)`),
}, t => [
  check('products_grades_range', sql`(${t.energyGrade} IS NULL OR ${t.energyGrade} BETWEEN 1 AND 5) AND (${t.waterGrade} IS NULL OR ${t.waterGrade} BETWEEN 1 AND 5)`),
  check('products_filed_price_positive', sql`${t.filedPriceFen} > 0`),
  uniqueIndex('products_brand_model_category_uq').on(t.categoryCode, t.brand, t.model),
  index('products_category_price_idx').on(t.categoryCode, t.filedPriceFen),
  // The catalogue search (server/services/catalogue.ts listProducts). A word in a model of three characters
  // or more is found with trigrams, a shorter one with the one- and two-character grams of search_grams()
  // (migration 0006). These two cover the whole table: the planner takes search_grams()'s statistics only
  // from such an index, and never ANDs the bitmaps of two indexes with the same predicate (a word's and a
  // brand's). The others hold listed products only: each brand part reads one brand in the order asked for.
  index('products_model_key_trgm_idx').using('gin', sql`${t.modelKey} gin_trgm_ops`),
  index('products_model_key_grams_idx').using('gin', sql`search_grams(${t.modelKey})`),
  index('products_brand_alias_idx').on(t.brand, sql`coalesce(${t.brandAlias}, '')`).where(listed),
  index('products_brand_model_idx').on(t.brand, t.model).where(listed),
  index('products_brand_relevance_idx').on(t.brand, sql`length(${t.searchKey})`, t.bestGrade, t.model).where(listed),
  index('products_brand_price_idx').on(t.brand, t.filedPriceFen).where(listed),
  index('products_brand_grade_idx').on(t.brand, t.bestGrade, t.filedPriceFen).where(listed),
  // The same orders without a search word: the whole catalogue, or one category.
  index('products_grade_brand_model_idx').on(t.bestGrade, t.brand, t.model).where(listed),
  index('products_price_idx').on(t.filedPriceFen).where(listed),
  index('products_grade_price_idx').on(t.bestGrade, t.filedPriceFen).where(listed),
  index('products_category_grade_brand_model_idx').on(t.categoryCode, t.bestGrade, t.brand, t.model).where(listed),
  index('products_category_grade_price_idx').on(t.categoryCode, t.bestGrade, t.filedPriceFen).where(listed),
])

/**
 * Every (brand, alias) pair that products have carried, the alias '' when there is none: what the catalogue
 * search checks the typed words against before it reads products (server/services/catalogue.ts). Written
 * only by the triggers on products (migration 0006), in the transaction that writes them; never deleted,
 * as a pair no listed product carries any more only makes an empty part of a search.
 */
export const productBrandAliases = pgTable('product_brand_aliases', {
  /** Grows with every new pair: with the count, tells a reader that its copy of the pairs is current. */
  id: bigint({ mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  brand: text().notNull(),
  alias: text().notNull(),
}, t => [primaryKey({ columns: [t.brand, t.alias] })])
