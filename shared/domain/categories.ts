import categoriesJson from '../reference/categories.json'
import type { CategoryDto, EventKind } from '../types/public'

// The kinds of shared/schemas/common EVENT_KINDS, without pulling the schema library into every page.
const KINDS: readonly EventKind[] = ['appliance', 'gas', 'home', 'digital', 'car']

function asKind(value: string): EventKind {
  const kind = KINDS.find(k => k === value)
  if (kind === undefined) throw new Error(`categories.json: unknown kind '${value}'`)
  return kind
}

/**
 * The product categories (reference/categories.json), in their published order: the facts the database is
 * seeded with at every start and GET /api/v1/categories answers, so pages can name a category without
 * asking for the list.
 */
export const CATEGORIES: readonly CategoryDto[] = categoriesJson.categories.map(c => ({
  code: c.code,
  kind: asKind(c.kind),
  nameZh: c.zh,
  nameEn: c.en,
  safeUseYears: c.safeUseYears,
  safeUseNote: ('note' in c && typeof c.note === 'string') ? c.note : null,
}))
