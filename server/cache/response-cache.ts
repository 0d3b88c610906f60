import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'
import type { CachedResponse, CacheStore } from './store'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

/**
 * How long an answer may be served. Fresh: served as it is. Stale (older than `freshMs`, younger than
 * `staleMs`): served while one request makes it anew. Older: gone, the next request waits for a new one.
 */
export interface CachePolicy {
  freshMs: number
  staleMs: number
}

export const CACHE_POLICIES = {
  /**
   * Places left and budget left change with every claim and sale, which bump no version: they must show
   * within 2 s. A page built from such an answer adds its own age, so each layer keeps to one second.
   */
  live: { freshMs: 500, staleMs: 1000 },
  /**
   * Catalogue, merchants, promotions: every write that changes them bumps the version, so the time bound
   * only covers what changes by the clock (a promotion that ends, a shop that closes for the day).
   */
  listing: { freshMs: 30_000, staleMs: 60_000 },
  /** Changes only with a deployment (the OpenAPI document) or the reference data (categories). */
  fixed: { freshMs: 600_000, staleMs: 3_600_000 },
} satisfies Record<string, CachePolicy>

export type CachePolicyName = keyof typeof CACHE_POLICIES

/** An answer as its producer made it; only a cacheable 200 is stored. */
export interface Produced {
  status: number
  type: string
  body: Buffer
  cacheable: boolean
}

export type Lookup
  = | { state: 'hit' | 'stale' | 'miss', entry: CachedResponse }
    | { state: 'pass', produced: Produced }

/** Below this, compressing costs more than it saves. */
const COMPRESS_MIN_BYTES = 1024

/**
 * The bytes in memory of their own. zlib hands back a view of its 8–16 kB output chunk and a small
 * Buffer.from() a view of an 8 kB pool slab: kept in a cache, a 1 kB answer would hold 16 kB or more, and
 * the cache's byte bound would count a fraction of what it keeps.
 */
export function ownBytes(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes
  const own = Buffer.allocUnsafeSlow(bytes.length)
  bytes.copy(own)
  return own
}

async function finish(produced: Produced, storedAt: number, policy: CachePolicy): Promise<CachedResponse> {
  const body = produced.body
  const compress = body.length >= COMPRESS_MIN_BYTES
  // Made once per entry, on the thread pool; brotli 5 and gzip 6 are the usual trade-off for dynamic answers.
  const [gz, br] = compress
    ? await Promise.all([
        gzipAsync(body, { level: 6 }),
        brotliAsync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      ])
    : [undefined, undefined]
  return {
    status: produced.status,
    type: produced.type,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    storedAt,
    expiresAt: storedAt + policy.staleMs,
    body: ownBytes(body),
    gzip: gz && ownBytes(gz),
    br: br && ownBytes(br),
  }
}

/**
 * Answers from the store when it can, makes an answer once when it must: concurrent requests for one key
 * wait for the same producer (no stampede when a popular page expires at 10:00), and a stale entry is served
 * while a single refresh runs. Keys carry the store's version, so a bump makes every older entry unreachable.
 */
export class ResponseCache {
  private readonly inflight = new Map<string, Promise<Lookup>>()

  constructor(readonly store: CacheStore) {}

  async lookup(rawKey: string, policy: CachePolicy, produce: () => Promise<Produced>): Promise<Lookup> {
    await this.store.ready
    const key = `v${this.store.version()}:${rawKey}`
    const entry = await this.store.get(key)
    if (entry) {
      const age = Date.now() - entry.storedAt
      if (age < policy.freshMs) return { state: 'hit', entry }
      if (age < policy.staleMs) {
        this.refresh(key, policy, produce).catch((error: unknown) => console.error('[cache] refresh failed', error))
        return { state: 'stale', entry }
      }
    }
    return this.refresh(key, policy, produce)
  }

  private refresh(key: string, policy: CachePolicy, produce: () => Promise<Produced>): Promise<Lookup> {
    const running = this.inflight.get(key)
    if (running) return running
    const pending = (async (): Promise<Lookup> => {
      // The answer is as old as the data it read: its age counts from before it was made.
      const startedAt = Date.now()
      const produced = await produce()
      if (!produced.cacheable || produced.status !== 200) return { state: 'pass', produced }
      const entry = await finish(produced, startedAt, policy)
      await this.store.set(key, entry)
      return { state: 'miss', entry }
    })().finally(() => this.inflight.delete(key))
    this.inflight.set(key, pending)
    return pending
  }

  /** Some write changed what the public sees. */
  invalidate(): Promise<number> {
    return this.store.bump()
  }
}

/** The encoding to send: brotli, then gzip, when the client accepts it (a `q=0` refuses). */
export function preferredEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  if (!acceptEncoding) return undefined
  let br = false
  let gz = false
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const refused = params.some(p => /^\s*q=0(?:\.0*)?\s*$/.test(p))
    if (refused) continue
    if (name === 'br') br = true
    else if (name === 'gzip' || name === '*') gz = true
  }
  return br ? 'br' : gz ? 'gzip' : undefined
}
