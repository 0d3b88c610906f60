import { describe, expect, it } from 'vitest'
import { api } from '../support/http'

const PUBLIC_ROUTES = [
  '/api/v1/categories',
  '/api/v1/events',
  '/api/v1/events/appliance-2026',
  '/api/v1/products?q=kfr',
  '/api/v1/merchants',
  '/api/v1/promotions',
  '/api/v1/stats',
]

describe('public caching', () => {
  it.each(PUBLIC_ROUTES)('%s is cacheable and never sets a cookie, even for a visitor who sends one', async (path) => {
    for (const headers of [{}, { cookie: 'auth_session=abc; lang=en; elder=1' }]) {
      const res = await api(path, { headers })
      expect(res.status).toBe(200)
      expect(res.headers.get('set-cookie')).toBeNull()
      expect(res.headers.get('cache-control') ?? '').toMatch(/s-maxage=\d+/)
    }
  })

  it('a cached answer is the same for everyone', async () => {
    const a = await api('/api/v1/events', { headers: { cookie: 'auth_session=one' } })
    const b = await api('/api/v1/events', { headers: { cookie: 'auth_session=two' } })
    expect(b.body).toEqual(a.body)
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'))
  })

  it('errors are not cached', async () => {
    const res = await api('/api/v1/events/no-such-event')
    expect(res.status).toBe(404)
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/s-maxage/)
  })

  it('health is never cached', async () => {
    const res = await api('/api/health')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
