import type { LocationQuery, LocationQueryValue } from 'vue-router'

export type QueryInput = Record<string, string | number | null | undefined>

/**
 * Drops empty values: the public API's query schemas are strict, so only whitelisted keys with a value
 * may be sent (an empty `brand=` would be a 400).
 */
export function compactQuery(input: QueryInput): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue
    if (typeof value === 'string' && value.trim() === '') continue
    if (typeof value === 'number' && !Number.isFinite(value)) continue
    out[key] = typeof value === 'string' ? value.trim() : value
  }
  return out
}

/** A stable text form of a query, for cache keys. */
export function queryKey(input: Record<string, string | number>): string {
  return Object.keys(input).sort().map(k => `${k}=${input[k]}`).join('&')
}

/** The first value of a route query entry, trimmed; undefined when absent or empty. */
export function queryText(value: LocationQueryValue | LocationQueryValue[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  if (typeof first !== 'string') return undefined
  const trimmed = first.trim()
  return trimmed === '' ? undefined : trimmed
}

/** A route query with one key replaced (or removed when empty), and the page reset. */
export function withQuery(query: LocationQuery, key: string, value: string | undefined): LocationQuery {
  const next: LocationQuery = {}
  for (const [k, v] of Object.entries(query)) {
    if (k !== 'page' && k !== key) next[k] = v
  }
  if (value !== undefined && value !== '') next[key] = value
  return next
}
