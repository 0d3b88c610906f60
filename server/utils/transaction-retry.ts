import { PgTransaction, type PgTransactionConfig } from 'drizzle-orm/pg-core'
import type { Executor, Transaction } from '~~/server/db/client'
import { isTransientConflict, sqlState } from './db-errors'

export interface RetryOptions {
  /** Runs in all, the first included. */
  attempts?: number
  /** Upper bound of the first pause; it doubles each time, and each pause is drawn at random below it. */
  baseDelayMs?: number
  /** Told about each conflict that is retried; by default a one-line warning in the log. */
  onRetry?: (error: unknown, attempt: number) => void
  /** Pause between runs; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>
}

export const DEFAULT_ATTEMPTS = 5
const DEFAULT_BASE_DELAY_MS = 4

const pause = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/**
 * Runs `work` again when PostgreSQL rolled it back for a deadlock (40P01) or a serialization failure
 * (40001), at most `attempts` times in all, with a short random pause so that the two sides of a conflict do
 * not meet again in step. Any other error, and the last conflict, is thrown as it is. `work` must be a whole
 * transaction (or one autocommit statement): only then did the rollback undo everything it did.
 */
export async function retryTransient<T>(work: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS)
  const base = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS
  const sleep = options.sleep ?? pause
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt)
    }
    catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) throw error
      if (options.onRetry) options.onRetry(error, attempt)
      else console.warn(`[db] transaction rolled back (SQLSTATE ${sqlState(error)}), attempt ${attempt} of ${attempts}: running it again`)
      await sleep(Math.random() * base * 2 ** (attempt - 1))
    }
  }
}

/**
 * `db.transaction(fn, config)`, run again on a deadlock or serialization failure (retryTransient). Inside
 * an enclosing transaction it runs once, as a savepoint: a conflict has then aborted the enclosing
 * transaction too, so only its owner can repeat the work.
 */
export function transactionWithRetry<T>(db: Executor, fn: (tx: Transaction) => Promise<T>, config?: PgTransactionConfig, options?: RetryOptions): Promise<T> {
  if (db instanceof PgTransaction) return db.transaction(fn)
  return retryTransient(() => db.transaction(fn, config), options)
}
