import { describe, expect, it } from 'vitest'
import { isCheckViolation, isTransientConflict, sqlState } from '~~/server/utils/db-errors'
import { retryTransient } from '~~/server/utils/transaction-retry'

/** An error shaped as the drivers throw them: SQLSTATE in `code`, wrapped by Drizzle as `cause`. */
function pgError(code: string, wrapped = false, constraint?: string): Error {
  const driver = Object.assign(new Error(`SQLSTATE ${code}`), { code, ...(constraint ? { constraint_name: constraint } : {}) })
  return wrapped ? Object.assign(new Error('Failed query: ...'), { cause: driver }) : driver
}

const noSleep = async () => {}

describe('isTransientConflict', () => {
  it('is true for a deadlock and a serialization failure, bare or wrapped', () => {
    expect(isTransientConflict(pgError('40P01'))).toBe(true)
    expect(isTransientConflict(pgError('40001', true))).toBe(true)
    expect(sqlState(pgError('40P01', true))).toBe('40P01')
  })

  it('is false for everything else', () => {
    expect(isTransientConflict(pgError('23505'))).toBe(false)
    expect(isTransientConflict(pgError('40002'))).toBe(false)
    expect(isTransientConflict(new Error('40P01'))).toBe(false)
    expect(isTransientConflict(Object.assign(new Error('node'), { code: 'ECONNRESET' }))).toBe(false)
    expect(isTransientConflict(undefined)).toBe(false)
  })

  it('a check violation is read by its constraint name, as a unique violation is', () => {
    expect(isCheckViolation(pgError('23514', true, 'events_budget_not_exceeded'), 'events_budget_not_exceeded')).toBe(true)
    expect(isCheckViolation(pgError('23514', true, 'releases_claimed_within_quota'), 'events_budget_not_exceeded')).toBe(false)
    expect(isCheckViolation(pgError('23505', true, 'events_budget_not_exceeded'))).toBe(false)
  })
})

describe('retryTransient', () => {
  it('returns at once what a first run returns', async () => {
    let runs = 0
    expect(await retryTransient(async () => ++runs, { sleep: noSleep })).toBe(1)
    expect(runs).toBe(1)
  })

  it('runs again after a deadlock and after a serialization failure, and answers what the run that succeeded returns', async () => {
    const failures = [pgError('40P01', true), pgError('40001')]
    const retried: Array<[string | undefined, number]> = []
    const result = await retryTransient(async (attempt) => {
      const failure = failures.shift()
      if (failure) throw failure
      return `done on attempt ${attempt}`
    }, { sleep: noSleep, onRetry: (error, attempt) => retried.push([sqlState(error), attempt]) })
    expect(result).toBe('done on attempt 3')
    expect(retried).toEqual([['40P01', 1], ['40001', 2]])
  })

  it('gives up after the bounded number of runs and throws the last conflict', async () => {
    let runs = 0
    const last = pgError('40P01', true)
    await expect(retryTransient(async () => {
      runs++
      throw runs === 4 ? last : pgError('40P01')
    }, { attempts: 4, sleep: noSleep, onRetry: () => {} })).rejects.toBe(last)
    expect(runs).toBe(4)
  })

  it('never repeats other errors: a refusal or a constraint violation is thrown from the first run', async () => {
    for (const error of [pgError('23505', true), new Error('SOLD_OUT'), pgError('57014')]) {
      let runs = 0
      await expect(retryTransient(async () => {
        runs++
        throw error
      }, { sleep: noSleep })).rejects.toBe(error)
      expect(runs).toBe(1)
    }
  })

  it('pauses between runs for a random time below a bound that doubles each time', async () => {
    const pauses: number[] = []
    await expect(retryTransient(async () => {
      throw pgError('40001')
    }, { attempts: 4, baseDelayMs: 10, sleep: async (ms) => { pauses.push(ms) }, onRetry: () => {} })).rejects.toThrow()
    expect(pauses).toHaveLength(3)
    pauses.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0)
      expect(ms).toBeLessThan(10 * 2 ** i)
    })
  })

  it('logs a retried conflict by default', async () => {
    const warned: string[] = []
    const warn = console.warn
    console.warn = (message: string) => warned.push(message)
    try {
      let runs = 0
      await retryTransient(async () => {
        if (++runs === 1) throw pgError('40P01')
        return runs
      }, { sleep: noSleep })
    }
    finally {
      console.warn = warn
    }
    expect(warned).toHaveLength(1)
    expect(warned[0]).toContain('40P01')
  })
})
