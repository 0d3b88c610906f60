import { sql } from 'drizzle-orm'
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { categories } from './categories'
import { events } from './events'
import { merchants } from './merchants'
import { promotionKind, promotionStatus } from './enums'

export const promotions = pgTable('promotions', {
  id: uuid().primaryKey().defaultRandom(),
  merchantId: uuid().notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  eventId: uuid().notNull().references(() => events.id, { onDelete: 'cascade' }),
  kind: promotionKind().notNull(),
  status: promotionStatus().notNull().default('draft'),
  title: text().notNull(),
  description: text().notNull().default(''),
  startsAt: timestamp({ withTimezone: true }).notNull(),
  endsAt: timestamp({ withTimezone: true }).notNull(),
  reviewReason: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  check('promotions_period_valid', sql`${t.endsAt} > ${t.startsAt}`),
  index('promotions_status_period_idx').on(t.status, t.startsAt, t.endsAt),
  index('promotions_event_idx').on(t.eventId),
  index('promotions_merchant_idx').on(t.merchantId),
])

export const promotionCategories = pgTable('promotion_categories', {
  promotionId: uuid().notNull().references(() => promotions.id, { onDelete: 'cascade' }),
  categoryCode: text().notNull().references(() => categories.code),
}, t => [primaryKey({ columns: [t.promotionId, t.categoryCode] })])
