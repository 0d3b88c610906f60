import { describe, expect, it } from 'vitest'
import { api, type ErrorBody } from '../support/http'
import { BOOTSTRAP_ADMIN, Client, adminClient, uniquePhone } from '../support/client'
import { freshResidentId } from '../support/merchants-fixture'

describe('register, login, logout, me', () => {
  it('a resident signs up, is signed in, and /me describes them with a masked phone', async () => {
    const client = new Client()
    const phone = uniquePhone()
    const res = await client.post<{ user: { id: string, role: string } }>('/api/v1/auth/register', { phone, password: 'long enough pw', role: 'resident' })
    expect(res.status).toBe(201)
    expect(res.body.user.role).toBe('resident')
    const cookie = res.headers.getSetCookie().find(c => c.startsWith('auth_session='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Path=\//)
    const me = await client.get<{ id: string, role: string, phoneMasked: string, identityVerified: boolean }>('/api/v1/me')
    expect(me.status).toBe(200)
    expect(me.body).toEqual({ id: res.body.user.id, role: 'resident', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`, identityVerified: false })
    expect(me.headers.get('cache-control')).toContain('no-store')
  })

  it('/me is 401 without a session', async () => {
    const res = await api<ErrorBody>('/api/v1/me')
    expect(res.status).toBe(401)
    expect(res.body.data.code).toBe('UNAUTHENTICATED')
  })

  it.each([
    [{ phone: '12345', password: 'long enough pw', role: 'resident' }, 'phone'],
    [{ phone: '+8613912345678', password: 'long enough pw', role: 'resident' }, 'phone'],
    [{ phone: '13912345678', password: 'short', role: 'resident' }, 'password'],
    [{ phone: '13912345678', password: 'long enough pw', role: 'admin' }, 'role'],
    [{ phone: '13912345678', password: 'long enough pw', role: 'reviewer' }, 'role'],
  ])('refuses a bad sign-up %# with 400 naming the field', async (body, path) => {
    const res = await api<ErrorBody>('/api/v1/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(res.status).toBe(400)
    expect(res.body.data.code).toBe('VALIDATION_FAILED')
    expect(res.body.data.issues?.map(i => i.path)).toContain(path)
  })

  it('refuses a second account on the same number with 409 PHONE_TAKEN', async () => {
    const first = new Client()
    const { phone } = await first.register('resident')
    const res = await new Client().post<ErrorBody>('/api/v1/auth/register', { phone, password: 'another long pw', role: 'merchant' })
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('PHONE_TAKEN')
  })

  it('answers a wrong password and an unknown number with the same 401 message', async () => {
    const client = new Client()
    const { phone } = await client.register('resident')
    const wrong = await new Client().post<ErrorBody>('/api/v1/auth/login', { phone, password: 'not the password' })
    const unknown = await new Client().post<ErrorBody>('/api/v1/auth/login', { phone: uniquePhone(), password: 'not the password' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body.message).toBe(unknown.body.message)
    expect(wrong.body.data.code).toBe('UNAUTHENTICATED')
  })

  it('every login makes a new session, and logout ends it', async () => {
    const a = new Client()
    const { phone, password } = await a.register('resident')
    const firstCookie = a.cookie
    await a.login(phone, password)
    expect(a.cookie).not.toBe(firstCookie)
    // The session the browser brought to the login is no longer valid.
    const stale = new Client()
    stale.cookie = firstCookie
    expect((await stale.get('/api/v1/me')).status).toBe(401)
    const live = new Client()
    live.cookie = a.cookie
    expect((await live.get('/api/v1/me')).status).toBe(200)
    const out = await a.post('/api/v1/auth/logout')
    expect(out.status).toBe(204)
    expect(a.cookie).toBe('')
    // The cookie the browser held before logging out no longer opens anything: the session ended on the server.
    expect((await live.get('/api/v1/me')).status).toBe(401)
  })

  it('a forged or expired session cookie is no session', async () => {
    const client = new Client()
    client.cookie = 'auth_session=forged0000000000000000000000000000000'
    expect((await client.get('/api/v1/me')).status).toBe(401)
  })

  it('the bootstrap administrator exists and can sign in', async () => {
    const admin = new Client()
    const user = await admin.login(BOOTSTRAP_ADMIN.phone, BOOTSTRAP_ADMIN.password)
    expect(user.role).toBe('admin')
  })
})

describe('login throttling', () => {
  it('after 100 failures in an hour the account answers 429 before checking anything, even the right password', async () => {
    const owner = new Client()
    const { phone, password } = await owner.register('resident')
    const attempts = Array.from({ length: 100 }, () => new Client().post('/api/v1/auth/login', { phone, password: 'wrong password!' }))
    const statuses: number[] = []
    // Ten at a time: the server hashes each attempt (that is the point of the limit).
    for (let i = 0; i < attempts.length; i += 10) statuses.push(...(await Promise.all(attempts.slice(i, i + 10))).map(r => r.status))
    expect(statuses.filter(s => s === 401).length).toBe(100)
    const locked = await new Client().post<ErrorBody>('/api/v1/auth/login', { phone, password })
    expect(locked.status).toBe(429)
    expect(locked.body.data.code).toBe('RATE_LIMITED')
    // Another account is not affected.
    const other = new Client()
    const second = await other.register('resident')
    expect((await new Client().post('/api/v1/auth/login', { phone: second.phone, password: second.password })).status).toBe(200)
  })

  it('never lets more than 100 failures through, even when they arrive all at once', async () => {
    const owner = new Client()
    const { phone } = await owner.register('resident')
    const statuses = await Promise.all(Array.from({ length: 130 }, () => new Client().post('/api/v1/auth/login', { phone, password: 'wrong password!' }).then(r => r.status)))
    expect(statuses.filter(s => s === 401).length).toBe(100)
    expect(statuses.filter(s => s === 429).length).toBe(30)
  })
})

describe('CSRF', () => {
  it('refuses a signed-in write without Origin or Referer, or from another site, and allows this site', async () => {
    const client = new Client()
    await client.register('resident')
    const none = await client.post<ErrorBody>('/api/v1/auth/logout', {}, { origin: null })
    expect(none.status).toBe(403)
    expect(none.body.data.code).toBe('FORBIDDEN')
    const evil = await client.post<ErrorBody>('/api/v1/auth/logout', {}, { origin: 'https://evil.example' })
    expect(evil.status).toBe(403)
    const referer = await client.post('/api/v1/me/identity', { name: '张三', idNumber: freshResidentId() }, { origin: null, headers: { referer: `${client.base}/me` } })
    expect(referer.status).not.toBe(403)
    expect((await client.get('/api/v1/me')).status).toBe(200)
  })

  it('refuses a sign-in posted from another site', async () => {
    const res = await new Client().post<ErrorBody>('/api/v1/auth/login', { phone: '13900000000', password: 'whatever pw' }, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
  })
})

describe('staff accounts', () => {
  it('only an administrator creates reviewers and administrators; they cannot sign up', async () => {
    const admin = await adminClient()
    const phone = uniquePhone()
    const created = await admin.post<{ user: { id: string, role: string } }>('/api/v1/admin/staff', { phone, password: 'reviewer pw 123', role: 'reviewer' })
    expect(created.status).toBe(201)
    expect(created.body.user.role).toBe('reviewer')
    const reviewer = new Client()
    expect((await reviewer.login(phone, 'reviewer pw 123')).role).toBe('reviewer')
    const byReviewer = await reviewer.post<ErrorBody>('/api/v1/admin/staff', { phone: uniquePhone(), password: 'reviewer pw 123', role: 'admin' })
    expect(byReviewer.status).toBe(403)
    const list = await admin.get<{ items: Array<{ id: string, role: string }> }>('/api/v1/admin/staff')
    expect(list.body.items.map(u => u.id)).toContain(created.body.user.id)
    const audit = await admin.get<{ items: Array<{ action: string, entityId: string }> }>(`/api/v1/admin/audit?entity=user:${created.body.user.id}`)
    expect(audit.body.items.map(a => a.action)).toContain('staff.create')
  })
})
