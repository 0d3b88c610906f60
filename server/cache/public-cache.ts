import type { H3Event } from 'h3'
import { preferredEncoding, ResponseCache, type Lookup } from './response-cache'
import { MemoryStore, RedisStore, type StoreLimits } from './store'

export interface CacheSettings {
  redisUrl: string | undefined
  /** Namespace of this portal's keys in a shared Redis. */
  redisPrefix: string
  /** PAGE_CACHE=off renders every public page (benchmarks of the renderer); the API cache stays on. */
  pageCache: boolean
  limits: StoreLimits
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value?.trim())
  return Number.isFinite(n) && n > 0 ? n : fallback
}

export function cacheSettings(env: NodeJS.ProcessEnv = process.env): CacheSettings {
  return {
    redisUrl: env.REDIS_URL?.trim() || undefined,
    redisPrefix: env.CACHE_KEY_PREFIX?.trim() || 'tradein:cache:',
    pageCache: env.PAGE_CACHE?.trim().toLowerCase() !== 'off',
    limits: {
      maxEntries: Math.floor(positive(env.CACHE_MAX_ENTRIES, 2000)),
      maxBytes: Math.floor(positive(env.CACHE_MAX_MB, 8) * 1024 * 1024),
    },
  }
}

let cache: ResponseCache | undefined

/** The process's cache of public answers: Redis-backed with REDIS_URL, a bounded in-process LRU otherwise. */
export function publicCache(): ResponseCache {
  if (!cache) {
    const settings = cacheSettings()
    cache = new ResponseCache(settings.redisUrl ? new RedisStore(settings.redisUrl, settings.limits, settings.redisPrefix) : new MemoryStore(settings.limits))
  }
  return cache
}

export async function closePublicCache(): Promise<void> {
  const current = cache
  cache = undefined
  await current?.store.close()
}

/**
 * A write changed what the public sees (an event, the catalogue, a merchant, a promotion): every process
 * stops serving what it cached before. Claims and sales are not announced: the answers that show their
 * figures are cached for a second only.
 */
export async function invalidatePublicCache(): Promise<void> {
  await publicCache().invalidate()
}

/** Whatever may be personal: no cache anywhere keeps it. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

/** Public answers may be stored anywhere, but always revalidated (ETag), so nobody keeps an old figure. */
export const PUBLIC_CACHE_CONTROL = 'public, no-cache'

/**
 * Writes a looked-up answer: 304 when the client has it already, otherwise the brotli or gzip form it
 * accepts. Written straight to the socket: a cached page costs about what a static file does.
 */
export function sendLookup(event: H3Event, lookup: Lookup, headers: Record<string, string>): void {
  const res = event.node.res
  if (lookup.state === 'pass') {
    const { produced } = lookup
    res.writeHead(produced.status, { ...headers, 'content-type': produced.type, 'content-length': produced.body.length, 'x-cache': 'BYPASS' })
    res.end(event.method === 'HEAD' ? undefined : produced.body)
    return
  }
  const { entry, state } = lookup
  const out: Record<string, string | number> = {
    ...headers,
    'content-type': entry.type,
    'etag': entry.etag,
    'vary': headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding',
    'x-cache': state.toUpperCase(),
  }
  if (event.node.req.headers['if-none-match'] === entry.etag) {
    res.writeHead(304, out)
    res.end()
    return
  }
  const encoding = preferredEncoding(event.node.req.headers['accept-encoding'])
  const body = (encoding === 'br' && entry.br) || (encoding === 'gzip' && entry.gzip) || entry.body
  if (body !== entry.body) out['content-encoding'] = encoding!
  out['content-length'] = body.length
  res.writeHead(entry.status, out)
  res.end(event.method === 'HEAD' ? undefined : body)
}
