import { describe, expect, it } from 'vitest'
import { escapeLike, normalizeSearchText, searchTokens } from '#shared/domain/search'

describe('catalogue search normalisation', () => {
  it('removes separators and lower-cases, so partial model numbers match however they are typed', () => {
    expect(normalizeSearchText('KFR-35GW/NhAa1BAj')).toBe('kfr35gwnhaa1baj')
    expect(normalizeSearchText('kfr 35')).toBe('kfr35')
    expect(normalizeSearchText('KFR-26GW/(26530)FNhAa-B1')).toBe('kfr26gw26530fnhaab1')
    expect(normalizeSearchText('JSQ30-16ST39')).toBe('jsq3016st39')
  })

  it('keeps Chinese brand names intact', () => {
    expect(normalizeSearchText('格力')).toBe('格力')
    expect(normalizeSearchText('A.O.史密斯')).toBe('ao史密斯')
  })

  it('splits a query into words on spaces and Chinese punctuation, dropping empty ones', () => {
    expect(searchTokens('格力  KFR-35')).toEqual(['格力', 'kfr35'])
    expect(searchTokens('美的，冰箱、一级')).toEqual(['美的', '冰箱', '一级'])
    expect(searchTokens('  - / ')).toEqual([])
    expect(searchTokens(undefined)).toEqual([])
  })

  it('keeps at most five words', () => {
    expect(searchTokens('a b c d e f g')).toHaveLength(5)
  })

  it('escapes LIKE wildcards so they are matched literally', () => {
    expect(escapeLike('100%')).toBe('100\\%')
    expect(escapeLike('a_b')).toBe('a\\_b')
    expect(escapeLike('a\\b')).toBe('a\\\\b')
  })
})
