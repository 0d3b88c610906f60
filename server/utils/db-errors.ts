/**
 * Driver errors, read the same way on postgres.js and PGlite: both carry PostgreSQL's SQLSTATE as `code`
 * (and the constraint name as `constraint_name` / `constraint`), Drizzle wraps them as `cause`.
 */
interface DriverError { code?: unknown, constraint_name?: unknown, constraint?: unknown, cause?: unknown }

function driverError(error: unknown): DriverError | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as DriverError).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return current as DriverError
    current = (current as DriverError).cause
  }
  return undefined
}

/** A unique-index violation (23505), optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const found = driverError(error)
  if (found?.code !== '23505') return false
  return !constraint || found.constraint_name === constraint || found.constraint === constraint
}

/** The SQLSTATE of a driver error (wrapped or not), or undefined for anything else. */
export function sqlState(error: unknown): string | undefined {
  const code = driverError(error)?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * A deadlock (40P01) or serialization failure (40001): the database rolled the transaction back and
 * running it again may well succeed. Nothing else is worth repeating.
 */
export function isTransientConflict(error: unknown): boolean {
  const state = sqlState(error)
  return state === '40P01' || state === '40001'
}

/** A check-constraint violation (23514), optionally of one named constraint. */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  const found = driverError(error)
  if (found?.code !== '23514') return false
  return !constraint || found.constraint_name === constraint || found.constraint === constraint
}
