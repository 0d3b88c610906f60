/**
 * The portal's two languages, as pure functions shared by the app and the server: which language a path is
 * in, the same page in the other language, looking up and filling in a message, and which messages a page
 * needs. Chinese is the default and has no prefix; English pages live under /en.
 */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = typeof LOCALES[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
/** The cookie that remembers a visitor's language (read at `/`, which sends an English visitor to `/en`). */
export const LOCALE_COOKIE = 'lang'

export interface Messages {
  [key: string]: string | Messages
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en'
}

/** '/en', '/en/…' are English; everything else is Chinese. */
export function localeOfPath(path: string): Locale {
  return path === '/en' || path.startsWith('/en/') || path.startsWith('/en?') || path.startsWith('/en#') ? 'en' : 'zh-CN'
}

/** The path without its language prefix: '/en/catalogue?x' → '/catalogue?x', '/en' → '/'. */
export function stripLocale(path: string): string {
  if (localeOfPath(path) !== 'en') return path
  const rest = path.slice(3)
  return rest === '' || rest.startsWith('?') || rest.startsWith('#') ? `/${rest}` : rest
}

/** The same path in `locale`: '/catalogue' → '/en/catalogue'; '/' → '/en'. */
export function localizePath(path: string, locale: Locale): string {
  const bare = stripLocale(path.startsWith('/') ? path : `/${path}`)
  if (locale === DEFAULT_LOCALE) return bare
  return bare === '/' || bare.startsWith('/?') || bare.startsWith('/#') ? `/en${bare.slice(1)}` : `/en${bare}`
}

/** A message by its dotted key, or undefined. */
export function lookup(messages: Messages | undefined, key: string): string | undefined {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** Fills in named placeholders: 'Hello {name}' with { name: 'Li' } → 'Hello Li'. Unknown names stay as written. */
export function interpolate(message: string, params?: Record<string, unknown>): string {
  if (!params || !message.includes('{')) return message
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params && params[name] !== undefined && params[name] !== null ? String(params[name]) : whole))
}

/**
 * The parts of a message around its placeholders, for rendering components in their places:
 * '共 {n} 个' → ['共 ', { slot: 'n' }, ' 个'].
 */
export function messageParts(message: string): Array<string | { slot: string }> {
  const parts: Array<string | { slot: string }> = []
  let at = 0
  for (const match of message.matchAll(/\{(\w+)\}/g)) {
    if (match.index > at) parts.push(message.slice(at, match.index))
    parts.push({ slot: match[1]! })
    at = match.index + match[0].length
  }
  if (at < message.length) parts.push(message.slice(at))
  return parts
}

/** Only the messages under `keys` (a key may name a whole group), in the same shape. */
export function pickMessages(messages: Messages, keys: Iterable<string>): Messages {
  const out: Messages = {}
  for (const key of keys) {
    const parts = key.split('.')
    let from: string | Messages | undefined = messages
    for (const part of parts) from = from === undefined || typeof from === 'string' ? undefined : from[part]
    if (from === undefined) continue
    let to = out
    for (const part of parts.slice(0, -1)) {
      const next = to[part]
      if (typeof next !== 'object') to[part] = {}
      to = to[part] as Messages
    }
    const last = parts.at(-1)!
    to[last] = typeof from === 'string' ? from : mergeMessages(typeof to[last] === 'object' ? to[last] : {}, from)
  }
  return out
}

/** Deep merge of message trees; a later tree wins on a clash. */
export function mergeMessages(...trees: Messages[]): Messages {
  const out: Messages = {}
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const current = out[key]
      out[key] = typeof value === 'object' && typeof current === 'object' ? mergeMessages(current, value) : typeof value === 'object' ? mergeMessages(value) : value
    }
  }
  return out
}

/**
 * The language a first-time visitor of `/` reads best: the `lang` cookie when set, otherwise the first of
 * Chinese or English in the browser's Accept-Language (by quality); Chinese when neither is named.
 */
export function preferredLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie
  const best = (acceptLanguage ?? '').split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';')
      const q = Number(params.find(p => p.trim().startsWith('q='))?.trim().slice(2) ?? '1')
      return { tag: tag ?? '', q: Number.isFinite(q) ? q : 0, index }
    })
    .filter(l => l.q > 0 && (l.tag.startsWith('zh') || l.tag.startsWith('en')))
    .sort((a, b) => b.q - a.q || a.index - b.index)[0]
  return best?.tag.startsWith('en') ? 'en' : 'zh-CN'
}

/** The language tag Intl formats with: English dates day-first, as in Hong Kong and Britain. */
export function intlTag(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'zh-CN'
}
