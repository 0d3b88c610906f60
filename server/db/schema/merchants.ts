import { sql } from 'drizzle-orm'
import { check, doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { categories } from './categories'
import { events } from './events'
import { merchantStatus, street } from './enums'
import type { MerchantPendingProfile } from '#shared/types/merchants'

export const merchants = pgTable('merchants', {
  id: uuid().primaryKey().defaultRandom(),
  /** The merchant account that owns this profile: one profile per account. */
  ownerUserId: text().references(() => users.id, { onDelete: 'set null' }),
  status: merchantStatus().notNull().default('draft'),
  name: text().notNull(),
  /** 统一社会信用代码, GB 32100-2015. */
  uscc: text().notNull(),
  legalRep: text().notNull(),
  contactPhone: text().notNull(),
  storePhone: text().notNull(),
  address: text().notNull(),
  street: street().notNull(),
  /** "09:00-21:00", or several ranges separated by commas. */
  openingHours: text().notNull(),
  lat: doublePrecision(),
  lng: doublePrecision(),
  reviewReason: text(),
  /** Legal-field changes of an approved merchant awaiting review; the live columns stay as approved. */
  pendingProfile: jsonb().$type<MerchantPendingProfile>(),
  submittedAt: timestamp({ withTimezone: true }),
  approvedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  uniqueIndex('merchants_uscc_uq').on(t.uscc),
  uniqueIndex('merchants_owner_uq').on(t.ownerUserId),
  index('merchants_status_submitted_idx').on(t.status, t.submittedAt),
  index('merchants_street_idx').on(t.street),
  check('merchants_position_valid', sql`(${t.lat} IS NULL) = (${t.lng} IS NULL) AND (${t.lat} IS NULL OR (${t.lat} BETWEEN -90 AND 90 AND ${t.lng} BETWEEN -180 AND 180))`),
])

/** Categories a merchant sells; on an approved merchant these are its approved categories. */
export const merchantCategories = pgTable('merchant_categories', {
  merchantId: uuid().notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  categoryCode: text().notNull().references(() => categories.code),
}, t => [
  primaryKey({ columns: [t.merchantId, t.categoryCode] }),
  index('merchant_categories_category_idx').on(t.categoryCode),
])

export const eventEnrolments = pgTable('event_enrolments', {
  eventId: uuid().notNull().references(() => events.id, { onDelete: 'cascade' }),
  merchantId: uuid().notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  categoryCode: text().notNull().references(() => categories.code),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  primaryKey({ columns: [t.eventId, t.merchantId, t.categoryCode] }),
  index('event_enrolments_merchant_idx').on(t.merchantId),
])
