import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { categories } from './categories'

/** Brand dictionary: lets "Gree" find 格力 and the other way round. */
export const brands = pgTable('brands', {
  name: text().primaryKey(),
  latinName: text(),
})

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
}, t => [
  check('products_grades_range', sql`(${t.energyGrade} IS NULL OR ${t.energyGrade} BETWEEN 1 AND 5) AND (${t.waterGrade} IS NULL OR ${t.waterGrade} BETWEEN 1 AND 5)`),
  check('products_filed_price_positive', sql`${t.filedPriceFen} > 0`),
  uniqueIndex('products_brand_model_category_uq').on(t.categoryCode, t.brand, t.model),
  index('products_category_price_idx').on(t.categoryCode, t.filedPriceFen),
  index('products_brand_idx').on(t.brand),
  index('products_search_key_trgm_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`),
])
