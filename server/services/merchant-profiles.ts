import { and, asc, eq } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { canEditProfile, changedLegalFields, nextMerchantStatus } from '#shared/domain/merchant-lifecycle'
import type { MerchantProfileInput } from '#shared/schemas/merchants'
import type { Executor } from '~~/server/db/client'
import { merchantCategories, merchants } from '~~/server/db/schema'
import { audit } from '~~/server/utils/audit'
import { isUniqueViolation } from '~~/server/utils/db-errors'
import type { Caller } from '~~/server/utils/guards'
import { existingCategoryCodes } from './catalogue'
import type { MerchantPendingProfile, MerchantProfileDto } from '#shared/types/merchants'

type MerchantRow = typeof merchants.$inferSelect

export async function categoriesOfMerchant(db: Executor, merchantId: string): Promise<string[]> {
  const rows = await db.select({ code: merchantCategories.categoryCode }).from(merchantCategories)
    .where(eq(merchantCategories.merchantId, merchantId)).orderBy(asc(merchantCategories.categoryCode))
  return rows.map(r => r.code)
}

export function toProfileDto(row: MerchantRow, categories: string[]): MerchantProfileDto {
  return {
    id: row.id,
    status: row.status,
    reviewReason: row.reviewReason,
    name: row.name,
    uscc: row.uscc,
    legalRep: row.legalRep,
    contactPhone: row.contactPhone,
    storePhone: row.storePhone,
    address: row.address,
    street: row.street,
    categories,
    openingHours: row.openingHours,
    lat: row.lat,
    lng: row.lng,
    pendingChange: row.pendingProfile ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  }
}

async function ownRow(db: Executor, ownerUserId: string, lock = false): Promise<MerchantRow | undefined> {
  const query = db.select().from(merchants).where(eq(merchants.ownerUserId, ownerUserId)).limit(1)
  const [row] = lock ? await query.for('update') : await query
  return row
}

export async function getOwnProfile(db: Executor, caller: Caller): Promise<MerchantProfileDto> {
  const row = await ownRow(db, caller.userId)
  if (!row) throw new DomainError('NOT_FOUND', 'You have not applied yet')
  return toProfileDto(row, await categoriesOfMerchant(db, row.id))
}

async function assertCategoriesExist(db: Executor, codes: string[]) {
  const known = await existingCategoryCodes(db, codes)
  const unknown = codes.filter(c => !known.has(c))
  if (unknown.length > 0) throw new DomainError('VALIDATION_FAILED', 'Unknown category', { issues: [{ path: 'categories', message: `Unknown category: ${unknown.join(', ')}` }] })
}

function usccTaken(): DomainError {
  return new DomainError('VALIDATION_FAILED', 'This unified social credit code is already registered', { issues: [{ path: 'uscc', message: 'This unified social credit code is already registered' }] })
}

async function replaceCategories(tx: Executor, merchantId: string, codes: string[]) {
  await tx.delete(merchantCategories).where(eq(merchantCategories.merchantId, merchantId))
  await tx.insert(merchantCategories).values(codes.map(categoryCode => ({ merchantId, categoryCode })))
}

/**
 * Creates or edits the caller's own application. While it is under review nothing changes; an approved
 * (or suspended) merchant's legal fields and categories go back to review as a pending change, and the
 * live listing keeps the approved values until a reviewer accepts it (rule 8). Audited.
 */
export async function saveOwnProfile(db: Executor, caller: Caller, input: MerchantProfileInput, now: Date): Promise<MerchantProfileDto> {
  await assertCategoriesExist(db, input.categories)
  try {
    return await db.transaction(async (tx) => {
      const current = await ownRow(tx, caller.userId, true)
      const everyday = {
        legalRep: input.legalRep,
        contactPhone: input.contactPhone,
        storePhone: input.storePhone,
        street: input.street,
        openingHours: input.openingHours,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        updatedAt: now,
      }
      if (!current) {
        const [row] = await tx.insert(merchants).values({ ...everyday, ownerUserId: caller.userId, status: 'draft', name: input.name, uscc: input.uscc, address: input.address, createdAt: now }).returning()
        await replaceCategories(tx, row!.id, input.categories)
        await audit(tx, { actor: caller, action: 'merchant.create', entityType: 'merchant', entityId: row!.id, after: { ...input, status: 'draft' } })
        return toProfileDto(row!, [...input.categories].sort())
      }
      if (!canEditProfile(current.status)) throw new DomainError('INVALID_TRANSITION', 'Your application is being reviewed: wait for the decision before changing it')
      const categories = await categoriesOfMerchant(tx, current.id)
      const before = { ...toProfileDto(current, categories) }
      if (current.status === 'approved' || current.status === 'suspended') {
        const changed = changedLegalFields({ ...current, categories }, input)
        if (changed.length > 0 && input.uscc !== current.uscc) {
          const [clash] = await tx.select({ id: merchants.id }).from(merchants).where(eq(merchants.uscc, input.uscc)).limit(1)
          if (clash && clash.id !== current.id) throw usccTaken()
        }
        const pendingProfile: MerchantPendingProfile | null = changed.length > 0
          ? { name: input.name, uscc: input.uscc, address: input.address, categories: [...input.categories].sort(), submittedAt: now.toISOString() }
          : null
        const [row] = await tx.update(merchants).set({ ...everyday, pendingProfile }).where(eq(merchants.id, current.id)).returning()
        await audit(tx, {
          actor: caller,
          action: pendingProfile ? 'merchant.change_submitted' : 'merchant.update',
          entityType: 'merchant',
          entityId: current.id,
          before,
          after: { ...everyday, pendingChange: pendingProfile },
        })
        return toProfileDto(row!, categories)
      }
      const [row] = await tx.update(merchants).set({ ...everyday, name: input.name, uscc: input.uscc, address: input.address }).where(eq(merchants.id, current.id)).returning()
      await replaceCategories(tx, current.id, input.categories)
      await audit(tx, { actor: caller, action: 'merchant.update', entityType: 'merchant', entityId: current.id, before, after: input })
      return toProfileDto(row!, [...input.categories].sort())
    })
  }
  catch (error) {
    if (isUniqueViolation(error)) throw usccTaken()
    throw error
  }
}

/** Sends the application (again) for review. Audited. */
export async function submitOwnProfile(db: Executor, caller: Caller, now: Date): Promise<MerchantProfileDto> {
  return db.transaction(async (tx) => {
    const current = await ownRow(tx, caller.userId, true)
    if (!current) throw new DomainError('NOT_FOUND', 'You have not applied yet')
    const status = nextMerchantStatus(current.status, 'submit')
    const [row] = await tx.update(merchants).set({ status, submittedAt: now, updatedAt: now })
      .where(and(eq(merchants.id, current.id), eq(merchants.status, current.status))).returning()
    if (!row) throw new DomainError('INVALID_TRANSITION', 'The application changed meanwhile: reload and try again')
    await audit(tx, { actor: caller, action: 'merchant.submit', entityType: 'merchant', entityId: current.id, before: { status: current.status }, after: { status } })
    return toProfileDto(row, await categoriesOfMerchant(tx, row.id))
  })
}
