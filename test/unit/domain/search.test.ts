import { describe, expect, it } from 'vitest'
import { escapeLike, MAX_BRAND_PARTS, meetBrandAliases, normalizeSearchText, planSearchParts, searchTokens, type BrandAlias, type BrandPair } from '#shared/domain/search'

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

describe('splitting a search into brand parts', () => {
  const pair = (brand: string, alias: string, hits: number, leads = false, brandFilter = true): BrandPair => ({ brand, alias, hits, leads, brandFilter })
  const rest = (modelTokens: string[]) => ({ brand: null, modelTokens, leads: false })

  it('a brand word reads that brand, and every other product through its model', () => {
    const pairs = [pair('格力', 'GREE', 1, true), pair('美的', 'Midea', 0), pair('海尔', 'Haier', 0)]
    expect(planSearchParts(['格力'], pairs, false)).toEqual([
      { brand: { name: '格力' }, modelTokens: [], leads: true },
      rest(['格力']),
    ])
  })

  it('a brand that holds the word in its middle is not a leading match', () => {
    expect(planSearchParts(['尔'], [pair('海尔', 'Haier', 1, false)], false)).toEqual([
      { brand: { name: '海尔' }, modelTokens: [], leads: false },
      rest(['尔']),
    ])
  })

  it('asks the model only for the words the brand does not hold', () => {
    const pairs = [pair('格力', 'GREE', 0b10, false), pair('美的', 'Midea', 0)]
    expect(planSearchParts(['kfr35', 'gree'], pairs, false)).toEqual([
      { brand: { name: '格力' }, modelTokens: ['kfr35'], leads: false },
      rest(['kfr35', 'gree']),
    ])
  })

  it('two brands that hold the word are two parts (海尔 and 海尔统帅)', () => {
    const parts = planSearchParts(['海尔'], [pair('海尔', 'Haier', 1, true), pair('海尔统帅', 'Leader', 1, true)], false)
    expect(parts?.map(p => p.brand)).toEqual([{ name: '海尔' }, { name: '海尔统帅' }, null])
  })

  it('splits a brand by alias when its products carry aliases that the words meet differently', () => {
    const parts = planSearchParts(['gree'], [pair('格力', '', 0), pair('格力', 'GREE', 1, true)], false)
    expect(parts).toEqual([{ brand: { name: '格力', alias: 'GREE' }, modelTokens: [], leads: true }, rest(['gree'])])
  })

  it('keeps a brand whole when all its aliases are met alike', () => {
    const parts = planSearchParts(['格力'], [pair('格力', '', 1, true), pair('格力', 'GREE', 1, true)], false)
    expect(parts?.[0]).toEqual({ brand: { name: '格力' }, modelTokens: [], leads: true })
  })

  it('with a brand filter, reads only the brands that pass it, and no other part', () => {
    const pairs = [pair('格力', 'GREE', 0, false, true), pair('美的', 'Midea', 0, false, false)]
    expect(planSearchParts(['kfr'], pairs, true)).toEqual([{ brand: { name: '格力' }, modelTokens: ['kfr'], leads: false }])
    expect(planSearchParts([], pairs, true)).toEqual([{ brand: { name: '格力' }, modelTokens: [], leads: false }])
    expect(planSearchParts(['kfr'], [pair('美的', 'Midea', 0, false, false)], true)).toEqual([])
  })

  it('a brand filter that passes one alias of a brand splits it', () => {
    const pairs = [pair('格力', 'GREE', 0, false, true), pair('格力', '', 0, false, false)]
    expect(planSearchParts([], pairs, true)).toEqual([{ brand: { name: '格力', alias: 'GREE' }, modelTokens: [], leads: false }])
  })

  it('without words or brand filter, one part: the whole catalogue', () => {
    expect(planSearchParts([], [], false)).toEqual([rest([])])
  })

  it('gives up on parts when a word is in too many brands', () => {
    const many = Array.from({ length: MAX_BRAND_PARTS + 1 }, (_, i) => pair(`brand${i}`, '', 1))
    expect(planSearchParts(['a'], many, false)).toBeNull()
    expect(planSearchParts(['a'], many.slice(1), false)).toHaveLength(MAX_BRAND_PARTS + 1)
  })
})

describe('how the words meet the brand pairs', () => {
  const alias = (brand: string, latin: string): BrandAlias => ({
    brand,
    alias: latin,
    key: normalizeSearchText(`${brand}|${latin}`),
    brandLower: brand.toLowerCase(),
    aliasLower: latin.toLowerCase(),
  })
  const aliases = [alias('格力', 'GREE'), alias('海尔', 'Haier'), alias('海尔统帅', 'Leader'), alias('A.O.史密斯', 'A.O.Smith'), alias('TCL', '')]

  it('marks each word found in the brand or its alias, and whether the first word starts one of them', () => {
    const [gree, haier, leader, ao] = meetBrandAliases(['海尔', 'kfr'], aliases, undefined)
    expect(gree).toMatchObject({ hits: 0, leads: false, brandFilter: true })
    expect(haier).toMatchObject({ hits: 0b01, leads: true })
    expect(leader).toMatchObject({ hits: 0b01, leads: true })
    expect(ao).toMatchObject({ hits: 0 })
    const [, middle] = meetBrandAliases(['尔'], aliases, undefined)
    expect(middle).toMatchObject({ hits: 1, leads: false })
    const [, , , smith] = meetBrandAliases(['kfr', 'smith'], aliases, undefined)
    expect(smith).toMatchObject({ hits: 0b10, leads: false })
    expect(meetBrandAliases(['aosmith'], aliases, undefined)[3]).toMatchObject({ hits: 1, leads: true })
  })

  it('the brand filter passes a pair by its brand or its alias, as lower() gives them', () => {
    expect(meetBrandAliases([], aliases, 'gree').map(p => p.brandFilter)).toEqual([true, false, false, false, false])
    expect(meetBrandAliases([], aliases, '格力').map(p => p.brandFilter)).toEqual([true, false, false, false, false])
    expect(meetBrandAliases([], aliases, 'tcl').map(p => p.brandFilter)).toEqual([false, false, false, false, true])
  })
})
