import { eq } from 'drizzle-orm'
import type { H3Event } from 'h3'
import { DomainError } from '#shared/domain/errors'
import { merchants } from '~~/server/db/schema'
import { useDb } from './db'
import { sessionOf } from './session'
import { STAFF_ROLES, type Role } from '#shared/domain/roles'

export type { Role }

export interface Caller {
  userId: string
  role: Role
  phone: string
}

/** Any signed-in caller, or 401. */
export async function requireUser(event: H3Event): Promise<Caller> {
  const current = await sessionOf(event)
  if (!current) throw new DomainError('UNAUTHENTICATED', 'Please sign in')
  return { userId: current.user.id, role: current.user.role, phone: current.user.phone }
}

/** A caller with one of the roles, or 401 / 403. Logged in is not authorized. */
export async function requireRole(event: H3Event, ...roles: Role[]): Promise<Caller> {
  const caller = await requireUser(event)
  if (!roles.includes(caller.role)) throw new DomainError('FORBIDDEN', 'Your account may not do this')
  return caller
}

export const requireResident = (event: H3Event) => requireRole(event, 'resident')
export const requireMerchantAccount = (event: H3Event) => requireRole(event, 'merchant')
export const requireStaff = (event: H3Event) => requireRole(event, ...STAFF_ROLES)
export const requireAdmin = (event: H3Event) => requireRole(event, 'admin')

export interface MerchantCaller extends Caller {
  merchantId: string
  merchantStatus: 'draft' | 'submitted' | 'approved' | 'rejected' | 'changes_requested' | 'suspended'
}

/**
 * A merchant account together with its own merchant profile (403 FORBIDDEN for other roles, 404 when
 * it has not applied yet). Services then scope every query to `merchantId` in SQL.
 */
export async function requireMerchant(event: H3Event): Promise<MerchantCaller> {
  const caller = await requireMerchantAccount(event)
  const db = await useDb()
  const [row] = await db.select({ id: merchants.id, status: merchants.status }).from(merchants)
    .where(eq(merchants.ownerUserId, caller.userId)).limit(1)
  if (!row) throw new DomainError('NOT_FOUND', 'Apply as a merchant first')
  return { ...caller, merchantId: row.id, merchantStatus: row.status }
}

/** requireMerchant, and the merchant must be approved (not suspended): only they may act in events. */
export async function requireApprovedMerchant(event: H3Event): Promise<MerchantCaller> {
  const caller = await requireMerchant(event)
  if (caller.merchantStatus !== 'approved') throw new DomainError('MERCHANT_NOT_APPROVED', 'Only approved merchants can do this')
  return caller
}
