import { afterEach, describe, expect, it, vi } from 'vitest'
import { ownBytes, preferredEncoding, ResponseCache, type Produced } from '~~/server/cache/response-cache'
import { decodeEntry, encodeEntry, MemoryStore, type CachedResponse } from '~~/server/cache/store'
import { stableKey } from '~~/server/utils/api'

const policy = { freshMs: 500, staleMs: 1000 }

function producer(body = 'x'.repeat(2000)) {
  let calls = 0
  const produce = async (): Promise<Produced> => {
    calls += 1
    await new Promise(r => setTimeout(r, 5))
    return { status: 200, type: 'application/json', body: Buffer.from(`${body}${calls}`), cacheable: true }
  }
  return { produce, calls: () => calls }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('ResponseCache', () => {
  it('keeps each answer in memory of its own, so the byte bound counts what the cache holds', async () => {
    const cache = new ResponseCache(new MemoryStore({ maxEntries: 10, maxBytes: 1_000_000 }))
    // A small Buffer.from() is a view of a shared pool slab; zlib's output, of its 8-16 kB chunk.
    const small = Buffer.from('y'.repeat(1500))
    expect(small.buffer.byteLength).toBeGreaterThan(small.length)
    const lookup = await cache.lookup('k', policy, async () => ({ status: 200, type: 'text/html', body: small, cacheable: true }))
    expect(lookup.state).toBe('miss')
    if (lookup.state === 'pass') throw new Error('stored')
    for (const bytes of [lookup.entry.body, lookup.entry.gzip!, lookup.entry.br!]) {
      expect(bytes.byteOffset).toBe(0)
      expect(bytes.buffer.byteLength).toBe(bytes.length)
    }
    expect(lookup.entry.gzip!.length).toBeLessThan(200)
    expect(lookup.entry.body.equals(small)).toBe(true)
  })

  it('copies only what shares its memory', () => {
    const own = Buffer.allocUnsafeSlow(10).fill(1)
    expect(ownBytes(own)).toBe(own)
    const view = own.subarray(2, 5)
    const copy = ownBytes(view)
    expect(copy).not.toBe(view)
    expect([...copy]).toEqual([1, 1, 1])
    expect(copy.buffer.byteLength).toBe(3)
  })

  it('makes an answer once for many concurrent requests (no stampede)', async () => {
    const cache = new ResponseCache(new MemoryStore({ maxEntries: 10, maxBytes: 1_000_000 }))
    const p = producer()
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.lookup('k', policy, p.produce)))
    expect(p.calls()).toBe(1)
    expect(new Set(results.map(r => r.state))).toEqual(new Set(['miss']))
    const again = await cache.lookup('k', policy, p.produce)
    expect(again.state).toBe('hit')
    expect(p.calls()).toBe(1)
  })

  it('serves a stale entry while one refresh runs, and never one older than the stale bound', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const cache = new ResponseCache(new MemoryStore({ maxEntries: 10, maxBytes: 1_000_000 }))
    const p = producer()
    vi.setSystemTime(1_000_000)
    await cache.lookup('k', policy, p.produce)
    vi.setSystemTime(1_000_000 + 700)
    const stale = await cache.lookup('k', policy, p.produce)
    expect(stale.state).toBe('stale')
    await new Promise(r => setTimeout(r, 20))
    expect(p.calls()).toBe(2)
    vi.setSystemTime(1_000_000 + 700 + 1200)
    const expired = await cache.lookup('k', policy, p.produce)
    expect(expired.state).toBe('miss')
    expect(p.calls()).toBe(3)
  })

  it('a version bump makes every earlier entry unreachable', async () => {
    const cache = new ResponseCache(new MemoryStore({ maxEntries: 10, maxBytes: 1_000_000 }))
    const p = producer()
    await cache.lookup('k', policy, p.produce)
    await cache.invalidate()
    const after = await cache.lookup('k', policy, p.produce)
    expect(after.state).toBe('miss')
    expect(p.calls()).toBe(2)
  })

  it('does not store what is not a cacheable 200, and shares a failure with the waiting requests', async () => {
    const cache = new ResponseCache(new MemoryStore({ maxEntries: 10, maxBytes: 1_000_000 }))
    const notFound = await cache.lookup('nf', policy, async () => ({ status: 404, type: 'text/html', body: Buffer.from('no'), cacheable: false }))
    expect(notFound.state).toBe('pass')
    expect(cache.store.stats().entries).toBe(0)
    let calls = 0
    const failing = () => cache.lookup('boom', policy, async () => {
      calls += 1
      await new Promise(r => setTimeout(r, 5))
      throw new Error('db down')
    })
    const settled = await Promise.allSettled([failing(), failing(), failing()])
    expect(settled.every(s => s.status === 'rejected')).toBe(true)
    expect(calls).toBe(1)
    await expect(failing()).rejects.toThrow('db down')
    expect(calls).toBe(2)
  })

  it('compresses answers of 1 kB or more once, with brotli and gzip, and gives them an ETag', async () => {
    const cache = new ResponseCache(new MemoryStore({ maxEntries: 10, maxBytes: 1_000_000 }))
    const big = await cache.lookup('big', policy, producer('y'.repeat(5000)).produce)
    const small = await cache.lookup('small', policy, producer('z').produce)
    if (big.state === 'pass' || small.state === 'pass') throw new Error('stored')
    expect(big.entry.br!.length).toBeLessThan(big.entry.body.length)
    expect(big.entry.gzip!.length).toBeLessThan(big.entry.body.length)
    expect(big.entry.etag).toMatch(/^".+"$/)
    expect(small.entry.br).toBeUndefined()
  })
})

describe('MemoryStore', () => {
  it('is bounded by entries and by bytes, least recently used first', async () => {
    const store = new MemoryStore({ maxEntries: 100, maxBytes: 50_000 })
    const entry = (n: number): CachedResponse => ({ status: 200, type: 't', etag: '"e"', storedAt: Date.now(), expiresAt: Date.now() + 60_000, body: Buffer.alloc(n) })
    for (let i = 0; i < 1000; i++) await store.set(`k${i}`, entry(1000))
    const stats = store.stats()
    expect(stats.bytes).toBeLessThanOrEqual(50_000)
    expect(stats.entries).toBeLessThan(50)
    expect(await store.get('k999')).toBeDefined()
    expect(await store.get('k0')).toBeUndefined()
    const counted = new MemoryStore({ maxEntries: 10, maxBytes: 10_000_000 })
    for (let i = 0; i < 100; i++) await counted.set(`k${i}`, entry(10))
    expect(counted.stats().entries).toBe(10)
  })

  it('drops an entry past its expiry', async () => {
    const store = new MemoryStore({ maxEntries: 10, maxBytes: 1_000_000 })
    await store.set('gone', { status: 200, type: 't', etag: '"e"', storedAt: Date.now() - 2000, expiresAt: Date.now() - 1, body: Buffer.from('a') })
    expect(await store.get('gone')).toBeUndefined()
  })
})

describe('entry encoding for Redis', () => {
  it('round-trips every part and refuses a damaged entry', () => {
    const value: CachedResponse = { status: 200, type: 'text/html', etag: '"abc"', storedAt: 1, expiresAt: 2, body: Buffer.from('<p>页面</p>'), gzip: Buffer.from([1, 2, 3]), br: Buffer.from([4, 5]) }
    const decoded = decodeEntry(encodeEntry(value))
    expect(decoded).toEqual(value)
    const noCompression = decodeEntry(encodeEntry({ ...value, gzip: undefined, br: undefined }))
    expect(noCompression?.gzip).toBeUndefined()
    expect(decodeEntry(encodeEntry(value).subarray(0, 20))).toBeUndefined()
    expect(decodeEntry(Buffer.from([0, 0]))).toBeUndefined()
  })
})

describe('preferredEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
    ['*', 'gzip'],
    [undefined, undefined],
    ['gzip;q=0', undefined],
  ] as const)('%s → %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected)
  })
})

describe('stableKey', () => {
  it('is the same for the same input in any order, and drops undefined values', () => {
    expect(stableKey({ b: 1, a: 'x', c: undefined })).toBe(stableKey({ a: 'x', b: 1 }))
    expect(stableKey({ a: [1, { z: 1, y: 2 }] })).toBe('{"a":[1,{"y":2,"z":1}]}')
    expect(stableKey({ a: '1' })).not.toBe(stableKey({ a: 1 }))
  })
})
