import { asc, desc, eq, inArray } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { maskPhone } from '#shared/domain/identity'
import type { LoginInput, RegisterInput, StaffInput } from '#shared/schemas/accounts'
import type { Executor } from '~~/server/db/client'
import { identities, merchants, users } from '~~/server/db/schema'
import { audit } from '~~/server/utils/audit'
import { isUniqueViolation } from '~~/server/utils/db-errors'
import type { Caller, Role } from '~~/server/utils/guards'
import { hashPassword, verifyAgainstNothing, verifyPassword } from '~~/server/utils/password'
import { attemptSucceeded, reserveAttempt, throttleKeys } from './throttle'
import { isStaffRole, STAFF_ROLES, type StaffRole } from '#shared/domain/roles'
import type { CreatedStaffDto, MeDto, StaffMemberDto, UserDto } from '#shared/types/accounts'

function newUserId(): string {
  return crypto.randomUUID()
}

async function insertUser(db: Executor, phone: string, password: string, role: Role): Promise<UserDto> {
  const passwordHash = await hashPassword(password)
  try {
    const [row] = await db.insert(users).values({ id: newUserId(), phone, passwordHash, role }).returning({ id: users.id, role: users.role })
    return row!
  }
  catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('PHONE_TAKEN', 'This mobile number already has an account')
    throw error
  }
}

/** Residents and merchants sign themselves up; staff accounts are made by an administrator. */
export async function register(db: Executor, input: RegisterInput): Promise<UserDto> {
  return insertUser(db, input.phone, input.password, input.role)
}

const WRONG_PAIR = 'The mobile number or the password is not right'

/**
 * Same answer whether or not the number exists; throttled per account and per address before any
 * hashing work is done (at most 100 failures an hour per account, exactly, under any concurrency).
 */
export async function login(db: Executor, input: LoginInput, address: string, now: Date): Promise<UserDto> {
  const keys = throttleKeys(input.phone, address)
  await reserveAttempt(db, keys, now)
  const [user] = await db.select().from(users).where(eq(users.phone, input.phone)).limit(1)
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstNothing(input.password)
  if (!user || !ok) throw new DomainError('UNAUTHENTICATED', WRONG_PAIR)
  await attemptSucceeded(db, keys)
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id))
  return { id: user.id, role: user.role }
}

export async function me(db: Executor, caller: Caller): Promise<MeDto> {
  const [identity] = await db.select({ userId: identities.userId }).from(identities).where(eq(identities.userId, caller.userId)).limit(1)
  const [merchant] = caller.role === 'merchant'
    ? await db.select({ id: merchants.id }).from(merchants).where(eq(merchants.ownerUserId, caller.userId)).limit(1)
    : []
  return {
    id: caller.userId,
    role: caller.role,
    phoneMasked: maskPhone(caller.phone),
    identityVerified: Boolean(identity),
    ...(merchant ? { merchantId: merchant.id } : {}),
  }
}

/** An administrator creates a reviewer or another administrator (audited). */
export async function createStaff(db: Executor, actor: Caller, input: StaffInput): Promise<CreatedStaffDto> {
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, input.phone, input.password, input.role)
    await audit(tx, { actor, action: 'staff.create', entityType: 'user', entityId: user.id, after: { role: user.role, phone: maskPhone(input.phone) } })
    return { ...user, phoneMasked: maskPhone(input.phone) }
  })
}

export async function listStaff(db: Executor): Promise<StaffMemberDto[]> {
  // Administrators first (the enum orders admin after reviewer), then by when they were made.
  const rows = await db.select({ id: users.id, phone: users.phone, role: users.role, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt })
    .from(users).where(inArray(users.role, [...STAFF_ROLES])).orderBy(desc(users.role), asc(users.createdAt))
  return rows.filter((r): r is typeof r & { role: StaffRole } => isStaffRole(r.role)).map(r => ({
    id: r.id,
    phone: r.phone,
    role: r.role,
    createdAt: r.createdAt.toISOString(),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  }))
}

/** BOOTSTRAP_ADMIN_PHONE/PASSWORD: make sure that administrator exists with that password (audited when changed). */
export async function ensureAdministrator(db: Executor, phone: string, password: string): Promise<'created' | 'updated' | 'unchanged'> {
  const [existing] = await db.select().from(users).where(eq(users.phone, phone)).limit(1)
  if (!existing) {
    await db.transaction(async (tx) => {
      const user = await insertUser(tx, phone, password, 'admin')
      await audit(tx, { actor: null, action: 'staff.bootstrap', entityType: 'user', entityId: user.id, after: { role: 'admin', phone: maskPhone(phone) } })
    })
    return 'created'
  }
  const samePassword = await verifyPassword(existing.passwordHash, password)
  if (existing.role === 'admin' && samePassword) return 'unchanged'
  await db.transaction(async (tx) => {
    await tx.update(users).set({ role: 'admin', passwordHash: samePassword ? existing.passwordHash : await hashPassword(password) }).where(eq(users.id, existing.id))
    await audit(tx, { actor: null, action: 'staff.bootstrap', entityType: 'user', entityId: existing.id, before: { role: existing.role }, after: { role: 'admin', passwordReset: !samePassword } })
  })
  return 'updated'
}
