import { afterAll, describe, expect, inject, it } from 'vitest'
import { BOOTSTRAP_ADMIN, Client } from '../support/client'
import { api } from '../support/http'
import { startBuiltServer, type StartedServer } from '../support/server'
import { claim, closeTestDb, createTestEvent, databaseUrl, hasDatabase, verifiedResident } from '../support/vouchers'

afterAll(closeTestDb)

const baseUrl = inject('baseUrl')

const PUBLIC_ROUTES = [
  '/api/v1/categories',
  '/api/v1/events',
  '/api/v1/events/appliance-2026',
  '/api/v1/products?q=kfr',
  '/api/v1/products/00000000-0000-4000-8000-000000000000',
  '/api/v1/merchants',
  '/api/v1/promotions',
  '/api/v1/stats',
  '/api/v1/subsidy-quote?event=appliance-2026&product=00000000-0000-4000-8000-000000000000&priceFen=100000',
  '/api/v1/openapi.json',
]

const PUBLIC_PAGES = ['/', '/events/appliance-2026', '/catalogue', '/merchants', '/safe-use', '/en', '/en/events/appliance-2026', '/en/catalogue']

const VISITOR_COOKIES = 'auth_session=abc; lang=en; elder=1; signed_in=1'

/** Polls `read` until `done` holds; how long that took (ms), or fails after `limitMs`. */
async function within(limitMs: number, read: () => Promise<boolean>): Promise<number> {
  const started = Date.now()
  for (;;) {
    if (await read()) return Date.now() - started
    if (Date.now() - started > limitMs) throw new Error(`not seen within ${limitMs} ms`)
    await new Promise(r => setTimeout(r, 50))
  }
}

/** The bureau (through `admin`) adds a fridge release opening tomorrow to `slug`. */
async function addTomorrowsRelease(admin: Client, slug: string): Promise<void> {
  const opensAt = new Date(Date.now() + 86_400_000)
  const added = await admin.post(`/api/v1/admin/events/${slug}/releases`, {
    categoryCode: 'fridge',
    opensAt: opensAt.toISOString().replace('Z', '+00:00'),
    closesAt: new Date(opensAt.getTime() + 3_600_000).toISOString().replace('Z', '+00:00'),
    quota: 5,
  })
  expect(added.status).toBe(201)
}

describe('public API cache', () => {
  it.each(PUBLIC_ROUTES.filter(p => !p.includes('0000-4000')))('%s: the same cached answer for everyone, no cookie set, revalidated by ETag', async (path) => {
    const first = await api(path, { headers: { cookie: VISITOR_COOKIES } })
    expect(first.status).toBe(200)
    expect(first.headers.get('set-cookie')).toBeNull()
    expect(first.headers.get('cache-control')).toBe('public, no-cache')
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^".+"$/)
    const second = await api(path)
    expect(second.headers.get('x-cache')).toMatch(/^(HIT|STALE)$/)
    expect(second.body).toEqual(first.body)
    const again = await fetch(`${baseUrl}${path}`, { headers: { 'if-none-match': etag! } })
    expect([200, 304]).toContain(again.status)
    if (again.headers.get('etag') === etag) expect(again.status).toBe(304)
  })

  it('errors are answered, never cached, never public', async () => {
    for (const path of PUBLIC_ROUTES.filter(p => p.includes('0000-4000'))) {
      for (let i = 0; i < 2; i++) {
        const res = await api(path)
        expect(res.status).toBe(404)
        expect(res.headers.get('x-cache')).toBeNull()
        expect(res.headers.get('cache-control') ?? '').not.toMatch(/public/)
      }
    }
  })

  it('parameters a route does not take are refused before the cache; the ones it takes make one key whatever their order', async () => {
    const junk = await api('/api/v1/products?category=fridge&junk=1')
    expect(junk.status).toBe(400)
    expect(junk.headers.get('x-cache')).toBeNull()
    await api('/api/v1/products?category=fridge&grade=1&sort=price_asc')
    const reordered = await api('/api/v1/products?sort=price_asc&grade=1&category=fridge')
    expect(reordered.headers.get('x-cache')).toMatch(/^(HIT|STALE)$/)
  })

  it('a route without parameters ignores a query string: 200 requests with distinct junk are one entry', async () => {
    const base = await api('/api/v1/openapi.json')
    const etags = new Set<string>()
    const states = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${baseUrl}/api/v1/openapi.json?x=${i}&junk${i}=${'z'.repeat(i)}`)
      await res.arrayBuffer()
      etags.add(res.headers.get('etag') ?? '')
      states.add(res.headers.get('x-cache') ?? '')
    }
    expect([...etags]).toEqual([base.headers.get('etag')])
    expect(states.has('MISS')).toBe(false)
  })

  it('compressed for clients that accept it, made once', async () => {
    const res = await fetch(`${baseUrl}/api/v1/openapi.json`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/)
    const doc = await res.json() as { openapi: string }
    expect(doc.openapi).toMatch(/^3\.1/)
    const gz = await fetch(`${baseUrl}/api/v1/openapi.json`, { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
  })

  it('personal answers are never stored anywhere', async () => {
    const resident = await verifiedResident()
    for (const path of ['/api/v1/me', '/api/v1/me/vouchers', '/api/v1/me/identity']) {
      const res = await resident.get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('private, no-store')
      expect(res.headers.get('x-cache')).toBeNull()
    }
    const anonymous = await api('/api/v1/me')
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('cache-control')).toBe('private, no-store')
  })

  it('health is never cached', async () => {
    const res = await api('/api/health')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})

describe('fresh within 2 s', () => {
  it('a claim and a cancel show on the public event and its page within 2 s', async () => {
    const event = await createTestEvent({ quota: 40, rules: [{ code: 'fridge' }] })
    const remaining = async () => {
      const res = await api<{ releases: Array<{ remaining: number }> }>(`/api/v1/events/${event.slug}`)
      return res.body.releases[0]!.remaining
    }
    const pageShows = async (n: number) => {
      const res = await api<string>(`/events/${event.slug}`)
      return res.body.includes(`剩 ${n} 个，共 40 个`)
    }
    expect(await remaining()).toBe(40)
    await api<string>(`/events/${event.slug}`)
    const resident = await verifiedResident()
    const voucher = await claim(resident, event.slug)
    const apiMs = await within(2000, async () => (await remaining()) === 39)
    const pageMs = await within(2000, () => pageShows(39))
    const cancelled = await resident.post(`/api/v1/me/vouchers/${voucher.id}/cancel`)
    expect(cancelled.status).toBe(200)
    const backMs = await within(2000, async () => (await remaining()) === 40)
    console.info(`[cache] claim visible on the API after ${apiMs} ms, on the page after ${pageMs} ms; cancel after ${backMs} ms`)
  })

  it('a new release the bureau adds shows at once: the write drops the cached answers', async () => {
    const event = await createTestEvent({ quota: 10, rules: [{ code: 'fridge' }] })
    const before = await api<{ releases: unknown[] }>(`/api/v1/events/${event.slug}`)
    await api(`/api/v1/events/${event.slug}`)
    const admin = new Client()
    await admin.login(BOOTSTRAP_ADMIN.phone, BOOTSTRAP_ADMIN.password)
    await addTomorrowsRelease(admin, event.slug)
    const after = await api<{ releases: unknown[] }>(`/api/v1/events/${event.slug}`)
    expect(after.body.releases).toHaveLength(before.body.releases.length + 1)
  })
})

describe('public page cache', () => {
  it.each(PUBLIC_PAGES)('%s is rendered for nobody: the same page for every visitor, no cookie set', async (path) => {
    const resident = await verifiedResident()
    const me = await resident.get<{ phoneMasked: string }>('/api/v1/me')
    const signedIn = await api<string>(path, { headers: { cookie: `${resident.cookie}; signed_in=1` } })
    expect(signedIn.status).toBe(200)
    expect(signedIn.headers.get('set-cookie')).toBeNull()
    expect(signedIn.headers.get('cache-control')).toBe('public, no-cache')
    expect(signedIn.body).not.toContain(me.body.phoneMasked)
    const anonymous = await api<string>(path)
    expect(anonymous.headers.get('x-cache')).toMatch(/^(HIT|STALE|MISS)$/)
    expect(anonymous.headers.get('set-cookie')).toBeNull()
    expect(anonymous.headers.get('etag')).toBeTruthy()
  })

  it('a page never carries one visitor\'s data to another', async () => {
    const resident = await verifiedResident()
    const me = await resident.get<{ id: string, phoneMasked: string }>('/api/v1/me')
    // The resident opens the page first, so if anything personal were rendered it would be in the cache now.
    await api<string>('/events/appliance-2026', { headers: { cookie: resident.cookie } })
    const stranger = await api<string>('/events/appliance-2026')
    expect(stranger.body).not.toContain(me.body.id)
    expect(stranger.body).not.toContain(me.body.phoneMasked)
    expect(stranger.body).not.toMatch(/"session-user":\{|phoneMasked/)
  })

  it('长辈模式 is its own version of a page; junk in the query string is not', async () => {
    const plain = await api<string>('/safe-use?utm_source=a')
    const elder = await api<string>('/safe-use?utm_source=b', { headers: { cookie: 'elder=1' } })
    expect(plain.body).not.toMatch(/<html[^>]*class="elder"/)
    expect(elder.body).toMatch(/<html[^>]*class="elder"/)
    const etags = new Set<string>()
    for (let i = 0; i < 50; i++) {
      const res = await api<string>(`/safe-use?x${i}=${i}`)
      etags.add(res.headers.get('etag') ?? '')
      expect(res.headers.get('x-cache')).toMatch(/^(HIT|STALE|MISS)$/)
    }
    expect(etags.size).toBeLessThanOrEqual(2)
    const filtered = await api<string>('/catalogue?category=fridge&utm=1')
    const same = await api<string>('/catalogue?utm=2&category=fridge')
    expect(same.headers.get('etag')).toBe(filtered.headers.get('etag'))
  })

  it('account, console and bureau pages are never cached', async () => {
    for (const path of ['/login', '/me', '/merchant', '/admin/merchants']) {
      const res = await fetch(`${baseUrl}${path}`, { redirect: 'manual' })
      await res.arrayBuffer()
      expect(res.headers.get('x-cache')).toBeNull()
      expect(res.headers.get('cache-control')).toBe('private, no-store')
    }
  })

  it('an English visitor of / is sent to /en without a cached page', async () => {
    const byCookie = await fetch(`${baseUrl}/`, { redirect: 'manual', headers: { cookie: 'lang=en' } })
    expect(byCookie.status).toBe(302)
    expect(byCookie.headers.get('location')).toBe('/en')
    const byBrowser = await fetch(`${baseUrl}/`, { redirect: 'manual', headers: { 'accept-language': 'en-US,en;q=0.9' } })
    expect(byBrowser.status).toBe(302)
    const chinese = await fetch(`${baseUrl}/`, { redirect: 'manual', headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } })
    expect(chinese.status).toBe(200)
  })
})

describe.skipIf(!hasDatabase)('two processes sharing Redis', () => {
  const servers: StartedServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map(s => s.stop()))
  })

  it('share entries and invalidations: a write on one is seen on the other at once', async () => {
    const env = { DATABASE_URL: databaseUrl!, DEMO_DATA: '0', REDIS_URL: 'redis://127.0.0.1:6379', CACHE_KEY_PREFIX: `test:${process.pid}:${Date.now()}:` }
    servers.push(await startBuiltServer({ label: 'redis-a', database: 'given', env }))
    servers.push(await startBuiltServer({ label: 'redis-b', database: 'given', env }))
    const [a, b] = servers as [StartedServer, StartedServer]
    const event = await createTestEvent({ quota: 10, rules: [{ code: 'fridge' }] })
    const path = `/api/v1/promotions?event=${event.slug}`
    const made = await fetch(`${a.url}${path}`)
    await made.arrayBuffer()
    const shared = await fetch(`${b.url}${path}`)
    await shared.arrayBuffer()
    expect(shared.headers.get('x-cache')).toMatch(/^(HIT|STALE)$/)
    expect(shared.headers.get('etag')).toBe(made.headers.get('etag'))

    const readReleases = async (base: string) => ((await (await fetch(`${base}/api/v1/events/${event.slug}`)).json()) as { releases: unknown[] }).releases.length
    const before = await readReleases(b.url)
    // The bureau adds a release through process A; process B must drop what it cached.
    const admin = new Client()
    Object.defineProperty(admin, 'base', { value: a.url })
    await admin.login(BOOTSTRAP_ADMIN.phone, BOOTSTRAP_ADMIN.password)
    await addTomorrowsRelease(admin, event.slug)
    const ms = await within(2000, async () => (await readReleases(b.url)) === before + 1)
    console.info(`[cache] a write through one process seen by the other after ${ms} ms`)
  }, 120_000)
})
