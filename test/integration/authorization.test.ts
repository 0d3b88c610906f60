import { beforeAll, describe, expect, it } from 'vitest'
import { Client, adminClient, reviewerClient } from '../support/client'
import { merchantProfile } from '../support/merchants-fixture'

type Role = 'anonymous' | 'resident' | 'merchant' | 'reviewer' | 'admin'
const ROLES: Role[] = ['anonymous', 'resident', 'merchant', 'reviewer', 'admin']

const SOME_ID = '6f1c2b9a-1d2e-4f3a-8b4c-5d6e7f8a9b0c'

/**
 * Every account route of the accounts, merchant and bureau sides × every role. Allowed callers may still
 * get 400/404/409 (bodies here are deliberately empty or wrong so nothing changes); refused callers must
 * get exactly 401 (anonymous) or 403 — never anything that looks like an allow.
 */
const MATRIX: Array<{ method: string, path: string, body?: unknown, allowed: Role[] }> = [
  { method: 'GET', path: '/api/v1/me', allowed: ['resident', 'merchant', 'reviewer', 'admin'] },
  { method: 'GET', path: '/api/v1/me/identity', allowed: ['resident'] },
  { method: 'POST', path: '/api/v1/me/identity', body: {}, allowed: ['resident'] },
  { method: 'GET', path: '/api/v1/merchant/profile', allowed: ['merchant'] },
  { method: 'PUT', path: '/api/v1/merchant/profile', body: {}, allowed: ['merchant'] },
  { method: 'POST', path: '/api/v1/merchant/profile/submit', allowed: ['merchant'] },
  { method: 'GET', path: '/api/v1/merchant/promotions', allowed: ['merchant'] },
  { method: 'POST', path: '/api/v1/merchant/promotions', body: {}, allowed: ['merchant'] },
  { method: 'POST', path: `/api/v1/merchant/promotions/${SOME_ID}/submit`, allowed: ['merchant'] },
  { method: 'POST', path: `/api/v1/merchant/promotions/${SOME_ID}/end`, allowed: ['merchant'] },
  { method: 'GET', path: '/api/v1/admin/merchants', allowed: ['reviewer', 'admin'] },
  { method: 'GET', path: `/api/v1/admin/merchants/${SOME_ID}`, allowed: ['reviewer', 'admin'] },
  { method: 'POST', path: `/api/v1/admin/merchants/${SOME_ID}/decision`, body: { action: 'approve' }, allowed: ['reviewer', 'admin'] },
  { method: 'GET', path: '/api/v1/admin/promotions', allowed: ['reviewer', 'admin'] },
  { method: 'POST', path: `/api/v1/admin/promotions/${SOME_ID}/decision`, body: { action: 'approve' }, allowed: ['reviewer', 'admin'] },
  { method: 'GET', path: '/api/v1/admin/audit', allowed: ['reviewer', 'admin'] },
  { method: 'GET', path: '/api/v1/admin/staff', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/admin/staff', body: {}, allowed: ['admin'] },
]

const clients = {} as Record<Role, Client>

beforeAll(async () => {
  clients.anonymous = new Client()
  clients.resident = new Client()
  await clients.resident.register('resident')
  clients.merchant = new Client()
  await clients.merchant.register('merchant')
  await clients.merchant.put('/api/v1/merchant/profile', merchantProfile())
  clients.reviewer = await reviewerClient()
  clients.admin = await adminClient()
})

describe('authorization matrix', () => {
  for (const route of MATRIX) {
    for (const role of ROLES) {
      const allowed = route.allowed.includes(role)
      it(`${route.method} ${route.path.replace(SOME_ID, '{id}')} as ${role} → ${allowed ? 'allowed' : 'refused'}`, async () => {
        const res = await clients[role].request<{ data?: { code?: string } }>(route.method, route.path, { body: route.body })
        if (allowed) {
          expect([401, 403], `unexpected refusal: ${JSON.stringify(res.body)}`).not.toContain(res.status)
          expect(res.status).toBeLessThan(500)
        }
        else {
          expect(res.status).toBe(role === 'anonymous' ? 401 : 403)
          expect(res.body.data?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN')
        }
      })
    }
  }
})

describe('own and other records', () => {
  it('a merchant only ever sees and edits its own profile: there is no id to point at another', async () => {
    const a = new Client()
    await a.register('merchant')
    const b = new Client()
    await b.register('merchant')
    const pa = merchantProfile()
    const pb = merchantProfile()
    const sa = await a.put<{ id: string, name: string }>('/api/v1/merchant/profile', pa)
    const sb = await b.put<{ id: string, name: string }>('/api/v1/merchant/profile', pb)
    expect(sa.body.id).not.toBe(sb.body.id)
    expect((await a.get<{ name: string }>('/api/v1/merchant/profile')).body.name).toBe(pa.name)
    expect((await b.get<{ name: string }>('/api/v1/merchant/profile')).body.name).toBe(pb.name)
    // Staff detail routes are not reachable by a merchant, even for its own id.
    expect((await a.get(`/api/v1/admin/merchants/${sa.body.id}`)).status).toBe(403)
  })
})
