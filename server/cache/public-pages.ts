import type { CachePolicyName } from './response-cache'

/**
 * The public pages served from the page cache, with the query parameters each one reads (anything else in
 * a URL is dropped before the cache: it can neither change the page nor make a new entry). These pages
 * show nothing personal when rendered; what is personal on them (the account link, my qualifications) is
 * fetched by the browser after the page has loaded.
 */
interface PublicPage {
  pattern: RegExp
  query: readonly string[]
  policy: CachePolicyName
}

const SEGMENT = '[A-Za-z0-9_-]{1,80}'

const PAGES: readonly PublicPage[] = [
  // Home and event pages show places left and budget left: they follow every claim within 2 s.
  { pattern: /^\/$/, query: [], policy: 'live' },
  { pattern: new RegExp(`^/events/${SEGMENT}$`), query: [], policy: 'live' },
  { pattern: /^\/catalogue$/, query: ['q', 'category', 'brand', 'grade', 'event', 'minPrice', 'maxPrice', 'sort', 'page'], policy: 'listing' },
  { pattern: new RegExp(`^/catalogue/${SEGMENT}$`), query: [], policy: 'listing' },
  { pattern: /^\/merchants$/, query: ['q', 'street', 'category', 'event', 'near', 'page'], policy: 'listing' },
  { pattern: new RegExp(`^/merchants/${SEGMENT}$`), query: [], policy: 'listing' },
  { pattern: /^\/safe-use$/, query: ['category', 'age', 'gas'], policy: 'listing' },
]

export const LOCALES = ['zh-CN', 'en'] as const
export type PageLocale = typeof LOCALES[number]

/** Longer values are not something a person typed into these forms. */
const MAX_VALUE_LENGTH = 100

export interface PublicPageRequest {
  locale: PageLocale
  /** Path and normalised query, as the page is rendered and keyed. */
  url: string
  policy: CachePolicyName
}

/**
 * The cacheable public page a GET of `rawUrl` asks for, or undefined for any other page (accounts, the
 * merchant console, the bureau's pages, unknown paths), which are rendered per request as before.
 */
export function publicPageOf(rawUrl: string): PublicPageRequest | undefined {
  const queryAt = rawUrl.indexOf('?')
  let path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt)
  let locale: PageLocale = 'zh-CN'
  if (path === '/en' || path.startsWith('/en/')) {
    locale = 'en'
    path = path.slice(3) || '/'
  }
  const page = PAGES.find(p => p.pattern.test(path))
  if (!page) return undefined
  const base = locale === 'zh-CN' ? path : path === '/' ? '/en' : `/en${path}`
  const query = queryAt === -1 || page.query.length === 0 ? '' : normaliseQuery(rawUrl.slice(queryAt + 1), page.query)
  return { locale, url: query ? `${base}?${query}` : base, policy: page.policy }
}

function normaliseQuery(search: string, allowed: readonly string[]): string {
  let params: URLSearchParams
  try {
    params = new URLSearchParams(search)
  }
  catch {
    return ''
  }
  const kept = new URLSearchParams()
  for (const key of allowed) {
    const value = params.get(key)?.trim()
    if (value && value.length <= MAX_VALUE_LENGTH) kept.set(key, value)
  }
  return kept.toString()
}
