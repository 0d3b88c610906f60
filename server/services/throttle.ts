import { eq, sql } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import type { Executor } from '~~/server/db/client'
import { authThrottle } from '~~/server/db/schema'

const WINDOW_MS = 60 * 60 * 1000

export interface ThrottleLimits {
  perAccount: number
  perAddress: number
}

/** At most 100 failed logins an hour per account (the limit); an address gets more room (carrier NAT). */
export const LOGIN_LIMITS: ThrottleLimits = {
  perAccount: Number(process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT ?? 100),
  perAddress: Number(process.env.LOGIN_MAX_FAILURES_PER_ADDRESS ?? 500),
}

export interface ThrottleKeys { account: string, address: string }

export function throttleKeys(phone: string, address: string): ThrottleKeys {
  return { account: `login:phone:${phone}`, address: `login:ip:${address}` }
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`

/**
 * Takes one attempt slot for the key in a single conditional upsert: granted while fewer than `limit`
 * slots are taken in the current hour, whatever the concurrency and however many app processes.
 */
async function takeSlot(db: Executor, key: string, limit: number, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS)
  const expired = sql`${authThrottle.windowStartedAt} <= ${ts(since)}`
  const rows = await db.insert(authThrottle).values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${authThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${ts(now)} else ${authThrottle.windowStartedAt} end`,
      },
      setWhere: sql`${expired} or ${authThrottle.failures} < ${limit}`,
    })
    .returning({ failures: authThrottle.failures })
  return rows.length > 0
}

async function giveBack(db: Executor, key: string): Promise<void> {
  await db.update(authThrottle).set({ failures: sql`greatest(${authThrottle.failures} - 1, 0)` }).where(eq(authThrottle.key, key))
}

/**
 * Reserves an attempt against the account and the address before any password hashing is done; 429 when
 * either is used up. A failed attempt keeps its slot; `attemptSucceeded` gives them back.
 */
export async function reserveAttempt(db: Executor, keys: ThrottleKeys, now: Date, limits = LOGIN_LIMITS): Promise<void> {
  const refused = () => new DomainError('RATE_LIMITED', 'Too many failed sign-ins: please wait and try again later')
  if (!await takeSlot(db, keys.account, limits.perAccount, now)) throw refused()
  if (!await takeSlot(db, keys.address, limits.perAddress, now)) {
    await giveBack(db, keys.account)
    throw refused()
  }
}

/** A successful sign-in clears the account's counter and does not count against the address. */
export async function attemptSucceeded(db: Executor, keys: ThrottleKeys): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, keys.account))
  await giveBack(db, keys.address)
}
