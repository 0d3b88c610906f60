import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { userRole } from './enums'

export const users = pgTable('users', {
  id: text().primaryKey(),
  /** Mainland mobile number, the login name. */
  phone: text().notNull().unique(),
  /** argon2id (OWASP parameters), never a plain password. */
  passwordHash: text().notNull(),
  role: userRole().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp({ withTimezone: true }),
}, t => [
  check('users_phone_mainland_mobile', sql`${t.phone} ~ '^1[3-9][0-9]{9}$'`),
])

/** lucia 3 sessions (server/utils/session.ts is the only code that touches them). */
export const sessions = pgTable('sessions', {
  id: text().primaryKey(),
  userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
}, t => [index('sessions_user_idx').on(t.userId)])

/**
 * A resident's verified real-name identity (PIPL, PRODUCT.md rule 10): only a keyed hash of the ID-card
 * number (for one-person-one-identity) and masked forms are kept; the number itself never is.
 */
export const identities = pgTable('identities', {
  userId: text().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  idHash: text().notNull().unique(),
  idMasked: text().notNull(),
  nameMasked: text().notNull(),
  consentVersion: text().notNull(),
  consentedAt: timestamp({ withTimezone: true }).notNull(),
  verifiedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** Failed-login counters per account and per address, shared by every app process. */
export const authThrottle = pgTable('auth_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** Append-only (a trigger refuses UPDATE and DELETE): who did what, when, before → after, and why. */
export const auditLog = pgTable('audit_log', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  actorUserId: text(),
  actorRole: text(),
  action: text().notNull(),
  entityType: text().notNull(),
  entityId: text().notNull(),
  before: jsonb(),
  after: jsonb(),
  reason: text(),
}, t => [
  index('audit_entity_idx').on(t.entityType, t.entityId, t.at),
  index('audit_actor_idx').on(t.actorUserId, t.at),
  index('audit_at_idx').on(t.at),
])
