import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'
import { categories } from './categories'
import { events, qualificationReleases } from './events'
import { redemptionStatus, voucherStatus } from './enums'
import { merchants } from './merchants'
import { products } from './products'

/**
 * A resident's subsidy qualification (补贴资格) for one category of one event. The person is the keyed hash
 * of the real-name identity (rule 4), not the account: two phone numbers are still one person.
 */
export const vouchers = pgTable('vouchers', {
  id: uuid().primaryKey().defaultRandom(),
  /** Short code typed at the counter (and inside the QR code). */
  code: text().notNull().unique(),
  eventId: uuid().notNull().references(() => events.id),
  categoryCode: text().notNull().references(() => categories.code),
  releaseId: uuid().notNull().references(() => qualificationReleases.id),
  userId: text().notNull().references(() => users.id),
  identityHash: text().notNull(),
  /**
   * Which of the person's allowed qualifications this is (1 … the rule's per-person limit). A unique index
   * over live vouchers makes the per-person limit a database guarantee.
   */
  slot: integer().notNull(),
  status: voucherStatus().notNull().default('active'),
  /** What this qualification holds of the event budget while active: the rule's cap (or fixed amount). */
  capFen: integer().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  redeemedAt: timestamp({ withTimezone: true }),
  closedAt: timestamp({ withTimezone: true }),
}, t => [
  check('vouchers_slot_positive', sql`${t.slot} >= 1`),
  check('vouchers_cap_non_negative', sql`${t.capFen} >= 0`),
  // Rule 4: one live qualification per person per category per event and slot.
  uniqueIndex('vouchers_person_slot_uq').on(t.eventId, t.categoryCode, t.identityHash, t.slot)
    .where(sql`${t.status} in ('active', 'redeemed')`),
  index('vouchers_user_idx').on(t.userId, t.createdAt),
  index('vouchers_person_event_idx').on(t.identityHash, t.eventId),
  index('vouchers_active_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'active'`),
])

export interface OldItem {
  categoryCode: string
  brand: string
  ageYears: number
  disposal: 'recycler' | 'merchant_pickup' | 'scrapped' | 'other'
}

/** A trade-in sale that used a qualification (核销). */
export const redemptions = pgTable('redemptions', {
  id: uuid().primaryKey().defaultRandom(),
  voucherId: uuid().notNull().references(() => vouchers.id),
  merchantId: uuid().notNull().references(() => merchants.id),
  eventId: uuid().notNull().references(() => events.id),
  categoryCode: text().notNull().references(() => categories.code),
  /** A retired product stays on its past redemptions. */
  productId: uuid().notNull().references(() => products.id),
  status: redemptionStatus().notNull().default('completed'),
  priceFen: integer().notNull(),
  subsidyFen: integer().notNull(),
  payableFen: integer().notNull(),
  serialNo: text().notNull(),
  /** The serial number as compared: upper case, no spaces or dashes. */
  serialKey: text().notNull(),
  invoiceNo: text().notNull(),
  oldItem: jsonb().$type<OldItem>(),
  idempotencyKey: text().notNull(),
  /** SHA-256 of the request body: the same key with another body is refused (422). */
  requestHash: text().notNull(),
  createdByUserId: text().notNull().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  voidedAt: timestamp({ withTimezone: true }),
  reversedAt: timestamp({ withTimezone: true }),
  reversedByUserId: text().references(() => users.id),
  reversalReason: text(),
  /** Anomaly flags for reviewers (rule 11, shared/domain/anomaly.ts): raised at creation or on a refused retry. */
  flags: text().array().notNull().default(sql`'{}'::text[]`),
}, t => [
  check('redemptions_amounts_valid', sql`${t.priceFen} >= 0 AND ${t.subsidyFen} >= 0 AND ${t.subsidyFen} <= ${t.priceFen} AND ${t.payableFen} = ${t.priceFen} - ${t.subsidyFen}`),
  // Rule 6: an SN is subsidised once per category, anywhere; an invoice once per merchant; a voucher once.
  uniqueIndex('redemptions_serial_uq').on(t.categoryCode, t.serialKey).where(sql`${t.status} <> 'voided'`),
  uniqueIndex('redemptions_invoice_uq').on(t.merchantId, t.invoiceNo).where(sql`${t.status} <> 'voided'`),
  uniqueIndex('redemptions_voucher_uq').on(t.voucherId).where(sql`${t.status} <> 'voided'`),
  // Rule 7: a retried request (same Idempotency-Key) never creates a second redemption.
  uniqueIndex('redemptions_idempotency_uq').on(t.merchantId, t.idempotencyKey),
  index('redemptions_merchant_created_idx').on(t.merchantId, t.createdAt),
  index('redemptions_event_category_idx').on(t.eventId, t.categoryCode),
  index('redemptions_flagged_idx').on(t.createdAt).where(sql`cardinality(${t.flags}) > 0`),
])
