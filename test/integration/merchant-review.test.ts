import { describe, expect, it } from 'vitest'
import type { MerchantDto, Page } from '#shared/types/public'
import { api, type ErrorBody } from '../support/http'
import { Client, reviewerClient } from '../support/client'
import { merchantProfile } from '../support/merchants-fixture'

interface Profile { id: string, status: string, reviewReason: string | null, name: string, address: string, uscc: string, categories: string[], pendingChange: { name: string, address: string } | null }
interface StaffView extends Profile { history: Array<{ action: string, reason: string | null, before: unknown, after: unknown, actorRole: string }> }

async function applicant() {
  const client = new Client()
  await client.register('merchant')
  return client
}

/** Public listing, bypassing the 30-second public cache with a query string nobody asked before. */
async function publiclyListed(name: string): Promise<boolean> {
  const res = await api<Page<MerchantDto>>(`/api/v1/merchants?q=${encodeURIComponent(name)}&pageSize=${1 + Math.floor(Math.random() * 99)}`)
  return res.body.items.some(m => m.name === name)
}

describe('merchant onboarding and review', () => {
  it('apply → changes requested (reason) → fix and resubmit → approved → public', async () => {
    const merchant = await applicant()
    expect((await merchant.get<ErrorBody>('/api/v1/merchant/profile')).status).toBe(404)
    const profile = merchantProfile()
    const saved = await merchant.put<Profile>('/api/v1/merchant/profile', profile)
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ status: 'draft', name: profile.name, categories: ['fridge', 'tv'] })
    const submitted = await merchant.post<Profile>('/api/v1/merchant/profile/submit')
    expect(submitted.body.status).toBe('submitted')
    // Under review the application is locked.
    expect((await merchant.put<ErrorBody>('/api/v1/merchant/profile', profile)).body.data.code).toBe('INVALID_TRANSITION')

    const reviewer = await reviewerClient()
    const queue = await reviewer.get<{ items: Array<{ id: string, submittedAt: string }> }>('/api/v1/admin/merchants?status=submitted&pageSize=100')
    expect(queue.body.items.map(m => m.id)).toContain(saved.body.id)
    const times = queue.body.items.map(m => Date.parse(m.submittedAt))
    expect(times).toEqual([...times].sort((a, b) => a - b))

    const noReason = await reviewer.post<ErrorBody>(`/api/v1/admin/merchants/${saved.body.id}/decision`, { action: 'request_changes' })
    expect(noReason.status).toBe(400)
    expect(noReason.body.data.issues?.map(i => i.path)).toContain('reason')
    const returned = await reviewer.post<Profile>(`/api/v1/admin/merchants/${saved.body.id}/decision`, { action: 'request_changes', reason: '营业执照地址与填写地址不一致' })
    expect(returned.status).toBe(200)
    expect(returned.body.status).toBe('changes_requested')
    expect(await publiclyListed(profile.name)).toBe(false)

    const mine = await merchant.get<Profile>('/api/v1/merchant/profile')
    expect(mine.body).toMatchObject({ status: 'changes_requested', reviewReason: '营业执照地址与填写地址不一致' })
    const fixed = await merchant.put<Profile>('/api/v1/merchant/profile', { ...profile, address: '江门市江海区外海街道金溪路 10 号' })
    expect(fixed.body.status).toBe('changes_requested')
    expect((await merchant.post<Profile>('/api/v1/merchant/profile/submit')).body.status).toBe('submitted')

    const approved = await reviewer.post<Profile>(`/api/v1/admin/merchants/${saved.body.id}/decision`, { action: 'approve' })
    expect(approved.body).toMatchObject({ status: 'approved', reviewReason: null })
    expect(await publiclyListed(profile.name)).toBe(true)

    const detail = await reviewer.get<StaffView>(`/api/v1/admin/merchants/${saved.body.id}`)
    const actions = detail.body.history.map(h => h.action).reverse()
    expect(actions).toEqual(['merchant.create', 'merchant.submit', 'merchant.request_changes', 'merchant.update', 'merchant.submit', 'merchant.approve'])
    const requestChanges = detail.body.history.find(h => h.action === 'merchant.request_changes')!
    expect(requestChanges).toMatchObject({ reason: '营业执照地址与填写地址不一致', actorRole: 'reviewer', before: expect.objectContaining({ status: 'submitted' }), after: expect.objectContaining({ status: 'changes_requested' }) })
  })

  it('suspend hides a merchant (with a reason), reinstate shows it again; invalid transitions are 409', async () => {
    const merchant = await applicant()
    const profile = merchantProfile()
    const { body: { id } } = await merchant.put<Profile>('/api/v1/merchant/profile', profile)
    await merchant.post('/api/v1/merchant/profile/submit')
    const reviewer = await reviewerClient()
    await reviewer.post(`/api/v1/admin/merchants/${id}/decision`, { action: 'approve' })
    const twice = await reviewer.post<ErrorBody>(`/api/v1/admin/merchants/${id}/decision`, { action: 'approve' })
    expect(twice.status).toBe(409)
    expect(twice.body.data.code).toBe('INVALID_TRANSITION')
    expect((await reviewer.post(`/api/v1/admin/merchants/${id}/decision`, { action: 'suspend' })).status).toBe(400)
    const suspended = await reviewer.post<Profile>(`/api/v1/admin/merchants/${id}/decision`, { action: 'suspend', reason: '多次被投诉价格虚高' })
    expect(suspended.body.status).toBe('suspended')
    expect((await api(`/api/v1/merchants/${id}?v=${Math.random()}`)).status).toBe(404)
    const reinstated = await reviewer.post<Profile>(`/api/v1/admin/merchants/${id}/decision`, { action: 'reinstate', reason: '整改完成' })
    expect(reinstated.body.status).toBe('approved')
    expect((await api(`/api/v1/merchants/${id}?v=${Math.random()}`)).status).toBe(200)
  })

  it('a legal change by an approved merchant waits for review while the public listing stays as approved', async () => {
    const merchant = await applicant()
    const profile = merchantProfile()
    const { body: { id } } = await merchant.put<Profile>('/api/v1/merchant/profile', profile)
    await merchant.post('/api/v1/merchant/profile/submit')
    const reviewer = await reviewerClient()
    await reviewer.post(`/api/v1/admin/merchants/${id}/decision`, { action: 'approve' })

    const renamed = `${profile.name}（新址）`
    const changed = await merchant.put<Profile>('/api/v1/merchant/profile', { ...profile, name: renamed, storePhone: '0750-3999888' })
    expect(changed.body).toMatchObject({ status: 'approved', name: profile.name, pendingChange: expect.objectContaining({ name: renamed }) })
    expect(await publiclyListed(profile.name)).toBe(true)
    expect(await publiclyListed(renamed)).toBe(false)
    const live = await api<MerchantDto>(`/api/v1/merchants/${id}?v=${Math.random()}`)
    expect(live.body).toMatchObject({ name: profile.name, storePhone: '0750-3999888' })

    const pending = await reviewer.get<{ items: Array<{ id: string, hasPendingChange: boolean }> }>('/api/v1/admin/merchants?status=pending_change&pageSize=100')
    expect(pending.body.items.find(m => m.id === id)?.hasPendingChange).toBe(true)
    const accepted = await reviewer.post<Profile>(`/api/v1/admin/merchants/${id}/decision`, { action: 'approve' })
    expect(accepted.body).toMatchObject({ status: 'approved', name: renamed, pendingChange: null })
    expect(await publiclyListed(renamed)).toBe(true)
  })

  it('bad profiles are refused with the field named, and nothing is stored', async () => {
    const merchant = await applicant()
    for (const [patch, path] of [
      [{ uscc: '91440704MA53MD3FG0' }, 'uscc'],
      [{ uscc: '91440704MA53MD3FGI' }, 'uscc'],
      [{ contactPhone: '0750-3123456' }, 'contactPhone'],
      [{ street: 'tianhe' }, 'street'],
      [{ categories: ['fridge', 'spaceship'] }, 'categories'],
      [{ categories: [] }, 'categories'],
      [{ openingHours: 'all day' }, 'openingHours'],
      [{ lat: 22.5, lng: null }, 'lng'],
    ] as const) {
      const res = await merchant.put<ErrorBody>('/api/v1/merchant/profile', merchantProfile(patch))
      expect(res.status, JSON.stringify(patch)).toBe(400)
      expect(res.body.data.issues?.map(i => i.path), JSON.stringify(patch)).toContain(path)
    }
    expect((await merchant.get('/api/v1/merchant/profile')).status).toBe(404)
  })

  it('a USCC can be registered once', async () => {
    const profile = merchantProfile()
    const a = await applicant()
    expect((await a.put('/api/v1/merchant/profile', profile)).status).toBe(200)
    const b = await applicant()
    const res = await b.put<ErrorBody>('/api/v1/merchant/profile', { ...profile, name: '另一家店' })
    expect(res.status).toBe(400)
    expect(res.body.data.issues?.map(i => i.path)).toContain('uscc')
  })
})
