import { and, eq, gt, inArray, sql } from 'drizzle-orm'
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

export function throttleKeys(phone: string, address: string) {
  return { account: `login:phone:${phone}`, address: `login:ip:${address}` }
}

/** Refuses (429) when either counter is full, before any password hashing is spent on the request. */
export async function assertNotThrottled(db: Executor, keys: { account: string, address: string }, now: Date, limits = LOGIN_LIMITS): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS)
  const rows = await db.select().from(authThrottle)
    .where(and(inArray(authThrottle.key, [keys.account, keys.address]), gt(authThrottle.windowStartedAt, since)))
  for (const row of rows) {
    const limit = row.key === keys.account ? limits.perAccount : limits.perAddress
    if (row.failures >= limit) throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins: please wait and try again later')
  }
}

/** Counts one failure against each key; a counter older than the window starts again at one. */
export async function recordFailure(db: Executor, keys: { account: string, address: string }, now: Date): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS)
  for (const key of [keys.account, keys.address]) {
    await db.insert(authThrottle).values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures: sql`case when ${authThrottle.windowStartedAt} <= ${since.toISOString()}::timestamptz then 1 else ${authThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${authThrottle.windowStartedAt} <= ${since.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${authThrottle.windowStartedAt} end`,
        },
      })
  }
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key))
}
