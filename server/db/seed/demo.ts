/**
 * Loads the demo data set (demo-data.ts) into an empty database, with one account per role
 * (demo-accounts.ts) and the residents, qualifications and sales behind the figures (demo-activity.ts), in
 * one transaction. Reference data (categories, brands) must already be there: run seedReferenceData first.
 */
import { randomBytes } from 'node:crypto'
import { eq, inArray, sql } from 'drizzle-orm'
import { maskIdNumber, maskName } from '#shared/domain/identity'
import { identityHasher } from '#shared/domain/identity-hash'
import type { Database, Executor } from '~~/server/db/client'
import {
  auditLog,
  eventEnrolments,
  identities,
  redemptions,
  users,
  vouchers,
  eventRules,
  events,
  merchantCategories,
  merchants,
  products,
  promotionCategories,
  promotions,
  qualificationReleases,
} from '~~/server/db/schema'
import { hashPassword } from '~~/server/utils/password'
import { requestHash } from '~~/server/utils/request-hash'
import { DEMO_RESIDENT_PERSON, type DemoActivity } from './demo-activity'
import { DEMO_ACCOUNTS, seedDemoAccounts } from './demo-accounts'
import { buildDemoData } from './demo-data'

const PRODUCT_BATCH = 500
const ROW_BATCH = 1000

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

export interface DemoSeedCounts {
  products: number
  merchants: number
  events: number
  residents: number
  qualifications: number
  redemptions: number
}

export async function seedDemoData(db: Database, now: Date, identityKey: string): Promise<DemoSeedCounts> {
  const data = buildDemoData(now)
  // Residents and shop staff of the demo cannot sign in: their accounts share the hash of a password nobody
  // knows, drawn afresh for every database.
  const lockedPasswordHash = await hashPassword(randomBytes(32).toString('base64url'))
  await db.transaction(async (tx) => {
    // Foreign-key order: events → rules, releases; products; merchants → categories, enrolments; promotions.
    for (const batch of chunks(data.events, ROW_BATCH)) await tx.insert(events).values(batch)
    for (const batch of chunks(data.eventRules, ROW_BATCH)) await tx.insert(eventRules).values(batch)
    for (const batch of chunks(data.qualificationReleases, ROW_BATCH)) await tx.insert(qualificationReleases).values(batch)
    for (const batch of chunks(data.products, PRODUCT_BATCH)) await tx.insert(products).values(batch)
    for (const batch of chunks(data.merchants, ROW_BATCH)) await tx.insert(merchants).values(batch)
    for (const batch of chunks(data.merchantCategories, ROW_BATCH)) await tx.insert(merchantCategories).values(batch)
    for (const batch of chunks(data.eventEnrolments, ROW_BATCH)) await tx.insert(eventEnrolments).values(batch)
    for (const batch of chunks(data.promotions, ROW_BATCH)) await tx.insert(promotions).values(batch)
    for (const batch of chunks(data.promotionCategories, ROW_BATCH)) await tx.insert(promotionCategories).values(batch)
    await seedDemoAccounts(tx, identityKey, now)
    await seedActivity(tx, data.activity, identityKey, lockedPasswordHash)
  })
  const a = data.activity
  return { products: data.products.length, merchants: data.merchants.length, events: data.events.length, residents: a.persons.length, qualifications: a.vouchers.length, redemptions: a.redemptions.length }
}

type AuditRow = typeof auditLog.$inferInsert

/**
 * Inserts the demo's residents (accounts with verified identities), qualifications and sales, and the audit
 * entries the running system would have written for each claim, cancellation, expiry and sale.
 */
async function seedActivity(tx: Executor, activity: DemoActivity, identityKey: string, lockedPasswordHash: string): Promise<void> {
  const demoPhone = DEMO_ACCOUNTS.find(a => a.role === 'resident')!.phone
  const [demoResident] = await tx.select({ userId: users.id, idHash: identities.idHash }).from(users)
    .innerJoin(identities, eq(identities.userId, users.id)).where(eq(users.phone, demoPhone)).limit(1)
  if (!demoResident) throw new Error('the demo resident account must exist before the demo activity')

  // Residents: person 0 is the demo resident account; the others get accounts of their own.
  const hash = await identityHasher(identityKey)
  const person = await Promise.all(activity.persons.map(async (p, index) => index === DEMO_RESIDENT_PERSON
    ? { userId: demoResident.userId, idHash: demoResident.idHash }
    : { userId: p.userId, idHash: await hash(p.idNumber) }))
  const residents = activity.persons.slice(1)
  for (const batch of chunks(residents, ROW_BATCH)) {
    await tx.insert(users).values(batch.map(p => ({ id: p.userId, phone: p.phone, passwordHash: lockedPasswordHash, role: 'resident' as const, createdAt: p.verifiedAt })))
  }
  for (const batch of chunks(residents.map((p, i) => ({ p, idHash: person[i + 1]!.idHash })), ROW_BATCH)) {
    await tx.insert(identities).values(batch.map(({ p, idHash }) => ({
      userId: p.userId,
      idHash,
      idMasked: maskIdNumber(p.idNumber),
      nameMasked: maskName(p.name),
      consentVersion: 'demo',
      consentedAt: p.verifiedAt,
      verifiedAt: p.verifiedAt,
    })))
  }

  // Every shop with sales has a staff account (the demo merchant's shop already has its owner).
  const sellingShops = [...new Set(activity.redemptions.map(s => s.merchantId))]
  const owners = new Map((await tx.select({ id: merchants.id, owner: merchants.ownerUserId }).from(merchants).where(inArray(merchants.id, sellingShops)))
    .map(m => [m.id, m.owner]))
  let staffNo = 0
  for (const merchantId of sellingShops) {
    if (owners.get(merchantId)) continue
    staffNo += 1
    const userId = crypto.randomUUID()
    await tx.insert(users).values({ id: userId, phone: `146${String(staffNo).padStart(8, '0')}`, passwordHash: lockedPasswordHash, role: 'merchant' })
    await tx.update(merchants).set({ ownerUserId: userId }).where(eq(merchants.id, merchantId))
    owners.set(merchantId, userId)
  }

  for (const batch of chunks(activity.vouchers, ROW_BATCH)) {
    await tx.insert(vouchers).values(batch.map(v => ({
      id: v.id,
      code: v.code,
      eventId: v.eventId,
      categoryCode: v.categoryCode,
      releaseId: v.releaseId,
      userId: person[v.person]!.userId,
      identityHash: person[v.person]!.idHash,
      slot: v.slot,
      status: v.status,
      capFen: v.capFen,
      expiresAt: v.expiresAt,
      createdAt: v.createdAt,
      redeemedAt: v.redeemedAt,
      closedAt: v.closedAt,
    })))
  }
  const codeOf = new Map(activity.vouchers.map(v => [v.id, v.code]))
  for (const batch of chunks(activity.redemptions, ROW_BATCH)) {
    await tx.insert(redemptions).values(batch.map((s) => {
      const body = { voucherCode: codeOf.get(s.voucherId)!, productId: s.productId, priceFen: s.priceFen, serialNo: s.serialNo, invoiceNo: s.invoiceNo, ...(s.oldItem ? { oldItem: s.oldItem } : {}) }
      return { ...s, status: 'completed' as const, requestHash: requestHash(body), createdByUserId: owners.get(s.merchantId)! }
    }))
  }

  // What the audit log would hold had all this happened through the API.
  const entries: AuditRow[] = []
  for (const v of activity.vouchers) {
    const resident = person[v.person]!.userId
    entries.push({ at: v.createdAt, actorUserId: resident, actorRole: 'resident', action: 'voucher.claim', entityType: 'voucher', entityId: v.id, after: { code: v.code, categoryCode: v.categoryCode, releaseId: v.releaseId, slot: v.slot, capFen: v.capFen, expiresAt: v.expiresAt.toISOString() } })
    if (v.status === 'cancelled') entries.push({ at: v.closedAt!, actorUserId: resident, actorRole: 'resident', action: 'voucher.cancel', entityType: 'voucher', entityId: v.id, before: { status: 'active' }, after: { status: 'cancelled', releasedFen: v.capFen } })
    if (v.status === 'expired') entries.push({ at: v.closedAt!, actorRole: 'system', action: 'voucher.expire', entityType: 'voucher', entityId: v.id, before: { status: 'active' }, after: { status: 'expired', code: v.code, categoryCode: v.categoryCode, releasedFen: v.capFen } })
  }
  for (const s of activity.redemptions) {
    entries.push({
      at: s.createdAt,
      actorUserId: owners.get(s.merchantId)!,
      actorRole: 'merchant',
      action: 'redemption.create',
      entityType: 'redemption',
      entityId: s.id,
      after: { voucherCode: codeOf.get(s.voucherId), productId: s.productId, priceFen: s.priceFen, subsidyFen: s.subsidyFen, serialNo: s.serialNo, invoiceNo: s.invoiceNo, ...(s.flags.length > 0 ? { flags: s.flags } : {}) },
    })
  }
  entries.sort((a, b) => a.at!.getTime() - b.at!.getTime())
  for (const batch of chunks(entries, ROW_BATCH)) await tx.insert(auditLog).values(batch)
}

/** True when there are no events, no products and no merchants (a fresh database). */
export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const [anyEvent] = await db.select({ one: sql<number>`1` }).from(events).limit(1)
  if (anyEvent) return false
  const [anyProduct] = await db.select({ one: sql<number>`1` }).from(products).limit(1)
  if (anyProduct) return false
  const [anyMerchant] = await db.select({ one: sql<number>`1` }).from(merchants).limit(1)
  return !anyMerchant
}
