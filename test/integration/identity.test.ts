import { describe, expect, it } from 'vitest'
import type { ErrorBody } from '../support/http'
import { Client, adminClient } from '../support/client'
import { freshResidentId } from '../support/merchants-fixture'

describe('POST /api/v1/me/identity', () => {
  it('verifies a resident with a valid ID number and keeps only masked forms', async () => {
    const client = new Client()
    const user = await client.register('resident')
    const idNumber = freshResidentId()
    const res = await client.post<{ nameMasked: string, idNumberMasked: string }>('/api/v1/me/identity', { name: '陈桂英', idNumber })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ nameMasked: '陈**', idNumberMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(14)}` })
    expect(JSON.stringify(res.body)).not.toContain(idNumber)
    const me = await client.get<{ identityVerified: boolean }>('/api/v1/me')
    expect(me.body.identityVerified).toBe(true)
    // The same identity again on the same account is harmless.
    expect((await client.post('/api/v1/me/identity', { name: '陈桂英', idNumber })).status).toBe(200)
    // The bureau's audit trail records the verification without the number.
    const admin = await adminClient()
    const audit = await admin.get<{ items: Array<{ action: string, after: unknown }> }>(`/api/v1/admin/audit?entity=user:${user.id}`)
    const entry = audit.body.items.find(a => a.action === 'identity.verify')
    expect(entry).toBeDefined()
    expect(JSON.stringify(audit.body)).not.toContain(idNumber)
  })

  it('one identity binds to one account: a second phone number gets 409 IDENTITY_TAKEN', async () => {
    const idNumber = freshResidentId()
    const first = new Client()
    await first.register('resident')
    expect((await first.post('/api/v1/me/identity', { name: '黄伟', idNumber })).status).toBe(200)
    const second = new Client()
    await second.register('resident')
    const res = await second.post<ErrorBody>('/api/v1/me/identity', { name: '黄伟', idNumber: idNumber.toLowerCase() })
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('IDENTITY_TAKEN')
    expect((await second.get<{ identityVerified: boolean }>('/api/v1/me')).body.identityVerified).toBe(false)
  })

  it('an account already verified cannot switch to another identity', async () => {
    const client = new Client()
    await client.register('resident')
    expect((await client.post('/api/v1/me/identity', { name: '李明', idNumber: freshResidentId() })).status).toBe(200)
    const res = await client.post<ErrorBody>('/api/v1/me/identity', { name: '李明', idNumber: freshResidentId() })
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('IDENTITY_TAKEN')
  })

  it('refuses a bad check digit with 400 naming idNumber, and changes nothing', async () => {
    const client = new Client()
    await client.register('resident')
    const valid = freshResidentId()
    const last = valid.at(-1) === '0' ? '1' : '0'
    const res = await client.post<ErrorBody>('/api/v1/me/identity', { name: '张三', idNumber: valid.slice(0, 17) + last })
    expect(res.status).toBe(400)
    expect(res.body.data.issues?.map(i => i.path)).toContain('idNumber')
    expect(JSON.stringify(res.body)).not.toContain(valid.slice(0, 17))
    expect((await client.get<{ identityVerified: boolean }>('/api/v1/me')).body.identityVerified).toBe(false)
    // Then the right number still works: nothing was half-stored.
    expect((await client.post('/api/v1/me/identity', { name: '张三', idNumber: valid })).status).toBe(200)
  })

  it.each([
    [{ name: '', idNumber: '11010519491231002X' }, 'name'],
    [{ name: '张三', idNumber: '1101051949123100' }, 'idNumber'],
    [{ name: '张三', idNumber: '11010519490230002X' }, 'idNumber'],
    [{ name: '<script>', idNumber: '11010519491231002X' }, 'name'],
  ])('400 on bad input %#', async (body, path) => {
    const client = new Client()
    await client.register('resident')
    const res = await client.post<ErrorBody>('/api/v1/me/identity', body)
    expect(res.status).toBe(400)
    expect(res.body.data.issues?.map(i => i.path)).toContain(path)
  })

  it('only residents verify: 401 anonymous, 403 for a merchant', async () => {
    const anonymous = new Client()
    expect((await anonymous.post('/api/v1/me/identity', { name: '张三', idNumber: freshResidentId() })).status).toBe(401)
    const merchant = new Client()
    await merchant.register('merchant')
    const res = await merchant.post<ErrorBody>('/api/v1/me/identity', { name: '张三', idNumber: freshResidentId() })
    expect(res.status).toBe(403)
    expect(res.body.data.code).toBe('FORBIDDEN')
  })
})
