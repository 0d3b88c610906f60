import { sql } from 'drizzle-orm'
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { categories } from './categories'
import { eventKind, eventStatus } from './enums'

export const events = pgTable('events', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  titleZh: text().notNull(),
  titleEn: text().notNull(),
  descriptionZh: text().notNull().default(''),
  descriptionEn: text().notNull().default(''),
  kind: eventKind().notNull(),
  status: eventStatus().notNull().default('draft'),
  startsAt: timestamp({ withTimezone: true }).notNull(),
  endsAt: timestamp({ withTimezone: true }).notNull(),
  // Budgets can exceed int4 (¥21.4 million); bigint in number mode is exact up to 2^53 fen.
  budgetFen: bigint({ mode: 'number' }).notNull(),
  reservedFen: bigint({ mode: 'number' }).notNull().default(0),
  spentFen: bigint({ mode: 'number' }).notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  check('events_period_valid', sql`${t.endsAt} > ${t.startsAt}`),
  check('events_budget_non_negative', sql`${t.budgetFen} >= 0`),
  check('events_money_non_negative', sql`${t.reservedFen} >= 0 AND ${t.spentFen} >= 0`),
  // Rule 5: the budget is never exceeded, whatever the concurrency.
  check('events_budget_not_exceeded', sql`${t.reservedFen} + ${t.spentFen} <= ${t.budgetFen}`),
  index('events_status_period_idx').on(t.status, t.startsAt, t.endsAt),
])

/** Per-category subsidy rule of an event (PRODUCT.md rule 2–4). */
export const eventRules = pgTable('event_rules', {
  eventId: uuid().notNull().references(() => events.id, { onDelete: 'cascade' }),
  categoryCode: text().notNull().references(() => categories.code),
  /** Percent of the final price by efficiency grade: { "1": 20, "2": 15, "none": 15 }; absent grade = not eligible. */
  ratePctByGrade: jsonb().$type<Partial<Record<'1' | '2' | '3' | '4' | '5' | 'none', number>>>(),
  capFen: integer(),
  fixedFen: integer(),
  perPersonLimit: integer().notNull().default(1),
  priceCeilingFen: integer(),
  requiresTradeIn: boolean().notNull().default(false),
}, t => [
  primaryKey({ columns: [t.eventId, t.categoryCode] }),
  check('event_rules_amounts_non_negative', sql`coalesce(${t.capFen}, 0) >= 0 AND coalesce(${t.fixedFen}, 0) >= 0 AND coalesce(${t.priceCeilingFen}, 0) >= 0`),
  check('event_rules_rate_or_fixed', sql`${t.ratePctByGrade} IS NOT NULL OR ${t.fixedFen} IS NOT NULL`),
  check('event_rules_per_person_limit_positive', sql`${t.perPersonLimit} >= 1`),
])

/** A batch of qualifications released for one category of an event (rule 5). */
export const qualificationReleases = pgTable('qualification_releases', {
  id: uuid().primaryKey().defaultRandom(),
  eventId: uuid().notNull().references(() => events.id, { onDelete: 'cascade' }),
  categoryCode: text().notNull().references(() => categories.code),
  opensAt: timestamp({ withTimezone: true }).notNull(),
  closesAt: timestamp({ withTimezone: true }).notNull(),
  quota: integer().notNull(),
  /** Qualifications currently held against this release (active or redeemed); expiry and cancellation give back. */
  claimed: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  check('releases_window_valid', sql`${t.closesAt} > ${t.opensAt}`),
  // Rule 5: the quota is never exceeded.
  check('releases_claimed_within_quota', sql`${t.claimed} >= 0 AND ${t.claimed} <= ${t.quota}`),
  index('releases_event_category_opens_idx').on(t.eventId, t.categoryCode, t.opensAt),
])
