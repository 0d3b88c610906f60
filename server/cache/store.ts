import { Redis } from 'ioredis'
import { LRUCache } from 'lru-cache'

/**
 * Where cached public answers live: a bounded in-process LRU, or Redis shared by every process (REDIS_URL).
 * An entry is a finished HTTP answer (body, and its gzip and brotli forms made once when it was stored).
 */
export interface CachedResponse {
  status: number
  type: string
  etag: string
  /** When the answer was made (ms since the epoch): its age decides fresh, stale or gone. */
  storedAt: number
  /** After this (ms since the epoch) the entry is gone. */
  expiresAt: number
  body: Buffer
  gzip?: Buffer
  br?: Buffer
}

export interface CacheStore {
  readonly kind: 'memory' | 'redis'
  /** Resolves once the store knows the current version. */
  readonly ready: Promise<void>
  get(key: string): Promise<CachedResponse | undefined>
  /** Holds the entry until its `expiresAt`. */
  set(key: string, value: CachedResponse): Promise<void>
  /** The version of the public data as this process knows it; part of every key. */
  version(): number
  /** A write changed what the public sees: a new version for every process. */
  bump(): Promise<number>
  /** Entries and bytes held in this process. */
  stats(): { entries: number, bytes: number }
  close(): Promise<void>
}

export interface StoreLimits {
  maxEntries: number
  maxBytes: number
}

function entrySize(value: CachedResponse, key: string): number {
  return key.length * 2 + value.body.length + (value.gzip?.length ?? 0) + (value.br?.length ?? 0) + 200
}

function lru(limits: StoreLimits) {
  return new LRUCache<string, CachedResponse>({
    max: limits.maxEntries,
    maxSize: limits.maxBytes,
    sizeCalculation: entrySize,
    // An entry bigger than a tenth of the store is not worth holding (and could evict everything else).
    maxEntrySize: Math.max(1, Math.floor(limits.maxBytes / 10)),
    ttlAutopurge: false,
  })
}

/** The embedded default: one bounded LRU (entries and bytes) per process. */
export class MemoryStore implements CacheStore {
  readonly kind = 'memory' as const
  readonly ready = Promise.resolve()
  private readonly entries: LRUCache<string, CachedResponse>
  private current = 1

  constructor(limits: StoreLimits) {
    this.entries = lru(limits)
  }

  async get(key: string) {
    return this.entries.get(key)
  }

  async set(key: string, value: CachedResponse) {
    const ttl = value.expiresAt - Date.now()
    if (ttl > 0) this.entries.set(key, value, { ttl })
  }

  version() {
    return this.current
  }

  async bump() {
    this.current += 1
    // Entries of older versions can never be read again: free their memory now.
    this.entries.clear()
    return this.current
  }

  stats() {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize ?? 0 }
  }

  async close() {
    this.entries.clear()
  }
}

/** Entry on the wire: 4-byte length of a JSON head, the head, then body, gzip and brotli bytes. */
export function encodeEntry(value: CachedResponse): Buffer {
  const head = Buffer.from(JSON.stringify({
    status: value.status,
    type: value.type,
    etag: value.etag,
    storedAt: value.storedAt,
    expiresAt: value.expiresAt,
    sizes: [value.body.length, value.gzip?.length ?? -1, value.br?.length ?? -1],
  }))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(head.length)
  return Buffer.concat([length, head, value.body, value.gzip ?? Buffer.alloc(0), value.br ?? Buffer.alloc(0)])
}

export function decodeEntry(raw: Buffer): CachedResponse | undefined {
  if (raw.length < 4) return undefined
  const headLength = raw.readUInt32BE(0)
  if (raw.length < 4 + headLength) return undefined
  let head: { status: number, type: string, etag: string, storedAt: number, expiresAt: number, sizes: [number, number, number] }
  try {
    head = JSON.parse(raw.subarray(4, 4 + headLength).toString('utf8'))
  }
  catch {
    return undefined
  }
  const [bodySize, gzipSize, brSize] = head.sizes
  let at = 4 + headLength
  const take = (size: number) => {
    if (size < 0) return undefined
    const part = raw.subarray(at, at + size)
    at += size
    return part
  }
  const body = take(bodySize)
  if (!body) return undefined
  const gzip = take(gzipSize)
  const br = take(brSize)
  if (at !== raw.length) return undefined
  return { status: head.status, type: head.type, etag: head.etag, storedAt: head.storedAt, expiresAt: head.expiresAt, body, gzip, br }
}

const VERSION_POLL_MS = 1000
const COMMAND_TIMEOUT_MS = 250

/**
 * Shared by all processes through Redis. Entries live in Redis with a TTL (so they go by themselves), with a
 * small LRU in front in each process that never makes an entry older than Redis would (the age is the
 * entry's own). The version is a Redis counter: a bump increments it and publishes the new number; every
 * process listens, and also reads the counter every second in case a message was lost. When Redis cannot
 * be reached the cache is simply missed and answers are made afresh: it never fails a request.
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis' as const
  private readonly client: Redis
  private readonly subscriber: Redis
  private readonly near: LRUCache<string, CachedResponse>
  private readonly versionKey: string
  private readonly channel: string
  private current = 0
  private readonly poll: ReturnType<typeof setInterval>
  readonly ready: Promise<void>

  constructor(url: string, limits: StoreLimits, private readonly prefix = 'tradein:cache:') {
    const options = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: COMMAND_TIMEOUT_MS }
    this.client = new Redis(url, options)
    this.subscriber = new Redis(url, { ...options, commandTimeout: undefined })
    for (const connection of [this.client, this.subscriber]) connection.on('error', () => { /* reported by failed commands; the cache is missed meanwhile */ })
    this.near = lru({ maxEntries: Math.max(1, Math.floor(limits.maxEntries / 4)), maxBytes: Math.max(1, Math.floor(limits.maxBytes / 4)) })
    this.versionKey = `${prefix}version`
    this.channel = `${prefix}invalidate`
    this.subscriber.on('message', (_channel: string, message: string) => this.observe(Number(message)))
    this.ready = this.start()
    this.poll = setInterval(() => void this.refreshVersion(), VERSION_POLL_MS)
    this.poll.unref()
  }

  private async start() {
    await new Promise<void>((resolve) => {
      if (this.client.status === 'ready') return resolve()
      this.client.once('ready', () => resolve())
      this.client.once('end', () => resolve())
      setTimeout(resolve, 2000).unref()
    })
    await this.subscriber.subscribe(this.channel).catch(() => {})
    await this.refreshVersion()
  }

  private observe(version: number) {
    if (Number.isFinite(version) && version > this.current) {
      this.current = version
      this.near.clear()
    }
  }

  private async refreshVersion() {
    try {
      this.observe(Number(await this.client.get(this.versionKey) ?? 0))
    }
    catch { /* keep the version we know; the next poll tries again */ }
  }

  private redisKey(key: string) {
    return `${this.prefix}e:${key}`
  }

  async get(key: string) {
    const near = this.near.get(key)
    if (near) return near
    try {
      const raw = await this.client.getBuffer(this.redisKey(key))
      const value = raw ? decodeEntry(raw) : undefined
      if (!value) return undefined
      const ttl = value.expiresAt - Date.now()
      if (ttl <= 0) return undefined
      this.near.set(key, value, { ttl })
      return value
    }
    catch {
      return undefined
    }
  }

  async set(key: string, value: CachedResponse) {
    const ttl = Math.round(value.expiresAt - Date.now())
    if (ttl <= 0) return
    this.near.set(key, value, { ttl })
    try {
      await this.client.set(this.redisKey(key), encodeEntry(value), 'PX', ttl)
    }
    catch { /* the entry stays in this process only */ }
  }

  version() {
    return this.current
  }

  async bump() {
    try {
      const next = await this.client.incr(this.versionKey)
      this.observe(next)
      await this.client.publish(this.channel, String(next))
      return next
    }
    catch (error) {
      // Without Redis the other processes cannot be told: they catch up when their entries expire.
      console.error('[cache] could not publish an invalidation through Redis', error)
      this.current += 1
      this.near.clear()
      return this.current
    }
  }

  stats() {
    return { entries: this.near.size, bytes: this.near.calculatedSize ?? 0 }
  }

  async close() {
    clearInterval(this.poll)
    this.near.clear()
    await Promise.allSettled([this.client.quit(), this.subscriber.quit()])
  }
}
