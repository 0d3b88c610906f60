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
