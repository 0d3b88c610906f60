/**
 * What a resident types into the catalogue search, reduced the same way as the database's
 * products.search_key (server/db/schema/products.ts): lower case, separators removed, so that
 * "kfr35", "KFR-35" and "kfr 35" all find "KFR-35GW/NhAa1BAj".
 */
/** How a catalogue search can be ordered (the query's `sort`). */
export const PRODUCT_SORTS = ['relevance', 'price_asc', 'price_desc', 'grade', 'brand'] as const
export type ProductSort = typeof PRODUCT_SORTS[number]

const SEPARATORS = /[-\s/._()+*]/g

export function normalizeSearchText(text: string): string {
  return text.toLowerCase().replace(SEPARATORS, '')
}

/** Whitespace-separated words of a query, each normalized; empty words dropped. At most 5 words. */
export function searchTokens(query: string | undefined): string[] {
  if (!query) return []
  return query.split(/[\s,，、]+/)
    .map(normalizeSearchText)
    .filter(token => token.length > 0)
    .slice(0, 5)
}

/** Escapes LIKE wildcards so a typed "%" is a literal percent sign. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, ch => `\\${ch}`)
}

/** Brand parts at most in one search; past this (a one-letter word) one pass over the catalogue is cheaper. */
export const MAX_BRAND_PARTS = 12

/**
 * A (brand, alias) pair that products carry (alias '' for none), with what the database made of it: `key`
 * is brand|alias normalised as search_key is, `brandLower` and `aliasLower` are lower() of each.
 */
export interface BrandAlias {
  brand: string
  alias: string
  key: string
  brandLower: string
  aliasLower: string
}

/**
 * One (brand, alias) pair with how the query's words meet it. `hits` has bit i set when word i is in the
 * pair's key; `leads` when the first word starts the brand or the alias (so every product of the pair is a
 * leading match for the relevance order); `brandFilter` when the pair passes the `brand` filter (true when
 * there is none).
 */
export interface BrandPair {
  brand: string
  alias: string
  hits: number
  leads: boolean
  brandFilter: boolean
}

/**
 * How the words (searchTokens) and the brand filter (lower-cased) meet each pair. A word is in a key as a
 * LIKE '%word%' on search_key finds it, and strpos('|' || search_key, '|' || word) of the relevance order
 * is true for every product of a pair whose '|' || key || '|' holds it: the words hold no '|' here.
 */
export function meetBrandAliases(tokens: string[], aliases: BrandAlias[], brandFilter: string | undefined): BrandPair[] {
  return aliases.map((a) => {
    let hits = 0
    tokens.forEach((token, i) => {
      if (a.key.includes(token)) hits |= 1 << i
    })
    return {
      brand: a.brand,
      alias: a.alias,
      hits,
      leads: tokens.length > 0 && `|${a.key}|`.includes(`|${tokens[0]}`),
      brandFilter: brandFilter === undefined || a.brandLower === brandFilter || a.aliasLower === brandFilter,
    }
  })
}

/**
 * A part of the search that the database can answer from one index range: the products of one brand (or
 * one brand and alias), or every product outside the brand parts (`brand` null). Parts never overlap.
 */
export interface SearchPart {
  brand: { name: string, alias?: string } | null
  /** Words the brand does not contain, so the model must. */
  modelTokens: string[]
  /** Every product of the part is a leading match of the first word (relevance order). */
  leads: boolean
}

/**
 * Splits a catalogue search into parts. search_key is brand|alias|model and a word (no '|') never spans two
 * of them, so a product matches a word when its brand pair contains the word or its model does. The few
 * brand pairs of the catalogue are checked against every word first: a brand part holds a pair's products
 * and asks its model only for the other words; the last part holds every other product and asks its model
 * for every word. A brand whose pairs fall differently is split by alias. With a `brand` filter only the
 * pairs passing it can match, so there is no last part; with no pair left there is no part at all.
 * null: more brand parts than MAX_BRAND_PARTS (a one-letter word is in most brands), where one pass over
 * the catalogue costs less than reading each brand on its own.
 */
export function planSearchParts(tokens: string[], pairs: BrandPair[], hasBrandFilter: boolean): SearchPart[] | null {
  const all = (1 << tokens.length) - 1
  const inBrandPart = (p: BrandPair) => hasBrandFilter ? p.brandFilter : p.hits !== 0
  const byBrand = new Map<string, BrandPair[]>()
  for (const pair of pairs) {
    const list = byBrand.get(pair.brand)
    if (list) list.push(pair)
    else byBrand.set(pair.brand, [pair])
  }
  const part = (pair: BrandPair, brand: SearchPart['brand']): SearchPart => ({
    brand,
    modelTokens: tokens.filter((_, i) => (pair.hits & (1 << i)) === 0),
    leads: tokens.length > 0 && (pair.hits & 1) === 1 && pair.leads,
  })
  const parts: SearchPart[] = []
  for (const [name, list] of byBrand) {
    const chosen = list.filter(inBrandPart)
    if (chosen.length === 0) continue
    const first = chosen[0]!
    const alike = chosen.length === list.length
      && chosen.every(p => (p.hits & all) === (first.hits & all) && p.leads === first.leads)
    if (alike) parts.push(part(first, { name }))
    else for (const pair of chosen) parts.push(part(pair, { name, alias: pair.alias }))
  }
  if (parts.length > MAX_BRAND_PARTS) return null
  if (!hasBrandFilter) parts.push({ brand: null, modelTokens: tokens, leads: false })
  return parts
}
