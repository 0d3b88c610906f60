/**
 * What a resident types into the catalogue search, reduced the same way as the database's
 * products.search_key (server/db/schema/products.ts): lower case, separators removed, so that
 * "kfr35", "KFR-35" and "kfr 35" all find "KFR-35GW/NhAa1BAj".
 */
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
