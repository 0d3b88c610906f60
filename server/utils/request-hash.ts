import { createHash } from 'node:crypto'
import type { RedemptionInput } from '#shared/schemas/vouchers'

/** JSON with keys sorted at every level: the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** What a redemption's Idempotency-Key is bound to (rule 7): the same key with another body is refused. */
export function requestHash(input: RedemptionInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex')
}
