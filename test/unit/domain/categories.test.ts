import { describe, expect, it } from 'vitest'
import { CATEGORIES } from '#shared/domain/categories'
import { EVENT_KINDS } from '#shared/domain/events'
import categoriesJson from '#shared/reference/categories.json'

describe('CATEGORIES', () => {
  it('holds every reference category, in its published order, with a known kind', () => {
    expect(CATEGORIES.map(c => c.code)).toEqual(categoriesJson.categories.map(c => c.code))
    for (const c of CATEGORIES) expect(EVENT_KINDS).toContain(c.kind)
    expect(new Set(CATEGORIES.map(c => c.code)).size).toBe(CATEGORIES.length)
  })
})
