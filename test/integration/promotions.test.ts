import { beforeAll, describe, expect, it } from 'vitest'
import type { MerchantDetailDto, Page, PromotionDto } from '#shared/types/public'
import type { AuditEntryDto } from '~~/server/services/audit-log'
import type { PromotionRecordDto, PromotionStatusDto } from '~~/server/services/merchant-promotions'
import { adminClient, Client } from '../support/client'
import { api, type ErrorBody } from '../support/http'
import { approvedMerchantClient, merchantClient, sharedReviewer } from '../support/merchants'

const EVENT = 'appliance-2026'
const HOUR = 3_600_000
const DAY = 24 * HOUR

function promotionBody(overrides: Record<string, unknown> = {}) {
  const now = Date.now()
  return {
    eventSlug: EVENT,
    categories: ['fridge'],
    title: '买冰箱送电饭煲',
    description: '活动期间在本店买一台一级能效冰箱，送 4 升电饭煲一个，送完即止。',
    kind: 'gift',
    startsAt: new Date(now - HOUR).toISOString(),
    endsAt: new Date(now + 7 * DAY).toISOString(),
    ...overrides,
  }
}

async function create(client: Client, overrides: Record<string, unknown> = {}): Promise<PromotionRecordDto> {
  const res = await client.post<PromotionRecordDto>('/api/v1/merchant/promotions', promotionBody(overrides))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

async function submit(client: Client, id: string): Promise<void> {
  const res = await client.post<PromotionStatusDto>(`/api/v1/merchant/promotions/${id}/submit`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(res.body).toEqual({ id, status: 'submitted' })
}

async function decide(id: string, body: { action: string, reason?: string }) {
  return (await sharedReviewer()).post<PromotionStatusDto & ErrorBody>(`/api/v1/admin/promotions/${id}/decision`, body)
}

async function ownPromotions(client: Client): Promise<PromotionRecordDto[]> {
  const res = await client.get<{ items: PromotionRecordDto[] }>('/api/v1/merchant/promotions')
  expect(res.status).toBe(200)
  return res.body.items
}

async function ownPromotion(client: Client, id: string): Promise<PromotionRecordDto | undefined> {
  return (await ownPromotions(client)).find(p => p.id === id)
}

// The public read routes are cached for up to 30 s (nuxt.config routeRules; Nitro keys the cache by the full
// URL, query string included). Asking the same URL before and after a change could therefore show the old
// answer. So every public look-up here uses a URL the cache has never seen: it filters by a merchant made for
// this test, and each call asks for its own pageSize (100, 99, 98, … within this file).
let publicPageSize = 101
async function publicPromotionIds(query: string): Promise<string[]> {
  publicPageSize -= 1
  const res = await api<Page<PromotionDto>>(`/api/v1/promotions?${query}&page=1&pageSize=${publicPageSize}`)
  expect(res.status).toBe(200)
  return res.body.items.map(p => p.id)
}

async function auditOf(id: string): Promise<AuditEntryDto[]> {
  const res = await (await sharedReviewer()).get<Page<AuditEntryDto>>(`/api/v1/admin/audit?entity=promotion:${id}&pageSize=100`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.items
}

function expectError(res: { status: number, body: unknown }, status: number, code: string, path?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  const body = res.body as ErrorBody
  expect(body.data.code).toBe(code)
  if (path !== undefined) expect(body.data.issues?.map(i => i.path)).toContain(path)
}

describe('a promotion from draft to public and back out', () => {
  it('create → submit → approve makes it public; ending it early takes it down; every step is audited', async () => {
    const { client, merchantId } = await approvedMerchantClient()
    const startsAt = new Date(Date.now() - HOUR)
    const endsAt = new Date(Date.now() + 10 * DAY)
    const created = await create(client, {
      categories: ['tv', 'fridge'],
      kind: 'extra_discount',
      title: '  国补之外再减 200 元  ',
      // The same instants written with the China offset.
      startsAt: new Date(startsAt.getTime() + 8 * HOUR).toISOString().replace('Z', '+08:00'),
      endsAt: new Date(endsAt.getTime() + 8 * HOUR).toISOString().replace('Z', '+08:00'),
    })
    expect(created).toMatchObject({
      status: 'draft',
      merchantId,
      eventSlug: EVENT,
      kind: 'extra_discount',
      title: '国补之外再减 200 元',
      categories: ['fridge', 'tv'],
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      reviewReason: null,
    })
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.eventTitle).toContain('家电')

    expect(await ownPromotion(client, created.id)).toMatchObject({ status: 'draft', categories: ['fridge', 'tv'] })
    expect(await publicPromotionIds(`event=${EVENT}&merchant=${merchantId}`)).toEqual([])

    await submit(client, created.id)
    expect(await publicPromotionIds(`event=${EVENT}&merchant=${merchantId}`)).toEqual([])
    const queue = await (await sharedReviewer()).get<Page<PromotionRecordDto>>('/api/v1/admin/promotions?status=submitted&pageSize=100')
    expect(queue.status).toBe(200)
    expect(queue.body).toMatchObject({ page: 1, pageSize: 100 })
    expect(queue.body.total).toBeGreaterThanOrEqual(queue.body.items.length)
    const queued = queue.body.items.find(p => p.id === created.id)
    expect(queued).toMatchObject({ status: 'submitted', merchantName: expect.stringContaining('测试电器行'), eventSlug: EVENT, categories: ['fridge', 'tv'] })
    for (const p of queue.body.items) expect(p.status).toBe('submitted')

    const approved = await decide(created.id, { action: 'approve' })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(approved.body).toEqual({ id: created.id, status: 'approved' })

    expect(await publicPromotionIds(`event=${EVENT}&merchant=${merchantId}`)).toEqual([created.id])
    expect(await publicPromotionIds(`event=${EVENT}&merchant=${merchantId}&category=tv`)).toEqual([created.id])
    // First request ever for this merchant's page, so not a cached one.
    const detail = await api<MerchantDetailDto>(`/api/v1/merchants/${merchantId}`)
    expect(detail.status).toBe(200)
    expect(detail.body.promotions.map(p => p.id)).toEqual([created.id])
    expect(await ownPromotion(client, created.id)).toMatchObject({ status: 'approved', reviewReason: null })

    const ended = await client.post<PromotionStatusDto>(`/api/v1/merchant/promotions/${created.id}/end`)
    expect(ended.status, JSON.stringify(ended.body)).toBe(200)
    expect(ended.body).toEqual({ id: created.id, status: 'ended' })
    expect(await publicPromotionIds(`event=${EVENT}&merchant=${merchantId}`)).toEqual([])
    expect(await ownPromotion(client, created.id)).toMatchObject({ status: 'ended' })

    const entries = await auditOf(created.id)
    expect(entries.map(e => e.action).reverse()).toEqual(['promotion.create', 'promotion.submit', 'promotion.approve', 'promotion.end'])
    const byAction = new Map(entries.map(e => [e.action, e]))
    expect(byAction.get('promotion.create')).toMatchObject({ entityType: 'promotion', entityId: created.id, actorRole: 'merchant', after: { status: 'draft', eventSlug: EVENT } })
    expect(byAction.get('promotion.submit')).toMatchObject({ actorRole: 'merchant', before: { status: 'draft' }, after: { status: 'submitted' } })
    expect(byAction.get('promotion.approve')).toMatchObject({ actorRole: 'reviewer', before: { status: 'submitted' }, after: { status: 'approved' }, reason: null })
    expect(byAction.get('promotion.end')).toMatchObject({ actorRole: 'merchant', before: { status: 'approved' }, after: { status: 'ended' } })
  })

  it('a draft or a submitted promotion can be ended (withdrawn) too', async () => {
    const { client } = await approvedMerchantClient()
    const draft = await create(client)
    const pending = await create(client)
    await submit(client, pending.id)
    for (const p of [draft, pending]) {
      const res = await client.post<PromotionStatusDto>(`/api/v1/merchant/promotions/${p.id}/end`)
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ id: p.id, status: 'ended' })
    }
    // A withdrawn promotion cannot be approved any more.
    expectError(await decide(pending.id, { action: 'approve' }), 409, 'INVALID_TRANSITION')
  })
})

describe('rejection', () => {
  it('needs a reason; the merchant sees it, the public never sees the promotion, and it can be resubmitted', async () => {
    const { client, merchantId } = await approvedMerchantClient()
    const p = await create(client, { title: '最高补贴 3000 元' })
    await submit(client, p.id)

    expectError(await decide(p.id, { action: 'reject' }), 400, 'VALIDATION_FAILED', 'reason')
    expectError(await decide(p.id, { action: 'reject', reason: '   ' }), 400, 'VALIDATION_FAILED', 'reason')
    expect((await ownPromotion(client, p.id))?.status).toBe('submitted')

    const reason = '标题容易让居民误以为是政府补贴，请改为“商家优惠”并写清条件。'
    const rejected = await decide(p.id, { action: 'reject', reason: `  ${reason} ` })
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200)
    expect(rejected.body).toEqual({ id: p.id, status: 'rejected' })
    expect(await ownPromotion(client, p.id)).toMatchObject({ status: 'rejected', reviewReason: reason })
    expect(await publicPromotionIds(`event=${EVENT}&merchant=${merchantId}`)).toEqual([])

    const [entry] = await auditOf(p.id)
    expect(entry).toMatchObject({ action: 'promotion.reject', actorRole: 'reviewer', before: { status: 'submitted' }, after: { status: 'rejected', reviewReason: reason }, reason })

    // Rejected → submitted again, then an approval clears the old reason.
    await submit(client, p.id)
    expect((await decide(p.id, { action: 'approve' })).status).toBe(200)
    expect(await ownPromotion(client, p.id)).toMatchObject({ status: 'approved', reviewReason: null })
    expect(await publicPromotionIds(`event=${EVENT}&merchant=${merchantId}`)).toEqual([p.id])
    expect((await auditOf(p.id)).map(e => e.action).reverse())
      .toEqual(['promotion.create', 'promotion.submit', 'promotion.reject', 'promotion.submit', 'promotion.approve'])
  })

  it('refuses an unknown action and a reason over 500 characters', async () => {
    const { client } = await approvedMerchantClient()
    const p = await create(client)
    await submit(client, p.id)
    expectError(await decide(p.id, { action: 'suspend', reason: 'x' }), 400, 'VALIDATION_FAILED', 'action')
    expectError(await decide(p.id, { action: 'reject', reason: '理'.repeat(501) }), 400, 'VALIDATION_FAILED', 'reason')
    expect((await ownPromotion(client, p.id))?.status).toBe('submitted')
  })
})

describe('what a merchant may create', () => {
  let client: Client
  let event: { startsAt: string, endsAt: string }

  beforeAll(async () => {
    // 'phone' is the merchant's own category but no part of the appliance event.
    client = (await approvedMerchantClient(['fridge', 'tv', 'phone'])).client
    const res = await api<{ startsAt: string, endsAt: string }>(`/api/v1/events/${EVENT}`)
    expect(res.status).toBe(200)
    event = res.body
  })

  async function refused(overrides: Record<string, unknown>) {
    const before = (await ownPromotions(client)).length
    const res = await client.post<ErrorBody>('/api/v1/merchant/promotions', promotionBody(overrides))
    expect((await ownPromotions(client)).length).toBe(before)
    return res
  }

  it('only its own categories, and only categories of the event (400 on categories)', async () => {
    const notMine = await refused({ categories: ['fridge', 'washer'] })
    expectError(notMine, 400, 'VALIDATION_FAILED', 'categories')
    expect(notMine.body.data.issues).toEqual([{ path: 'categories', message: expect.stringContaining('washer') }])

    const notInEvent = await refused({ categories: ['phone'] })
    expectError(notInEvent, 400, 'VALIDATION_FAILED', 'categories')
    expect(notInEvent.body.data.issues).toEqual([{ path: 'categories', message: expect.stringContaining('phone') }])

    expectError(await refused({ categories: [] }), 400, 'VALIDATION_FAILED', 'categories')
    expectError(await refused({ categories: ['fridge', 'fridge'] }), 400, 'VALIDATION_FAILED', 'categories')
    expectError(await refused({ categories: ['no-such-category'] }), 400, 'VALIDATION_FAILED', 'categories')
    // Both of its event categories together are fine.
    expect((await create(client, { categories: ['fridge', 'tv'] })).categories).toEqual(['fridge', 'tv'])
  })

  it('a free charging pile only in a car event (400 on kind)', async () => {
    expectError(await refused({ kind: 'free_charger' }), 400, 'VALIDATION_FAILED', 'kind')
    expectError(await refused({ kind: 'cashback' }), 400, 'VALIDATION_FAILED', 'kind')
  })

  it('a period inside the event that has not already passed', async () => {
    const eventStart = new Date(event.startsAt).getTime()
    const eventEnd = new Date(event.endsAt).getTime()
    expectError(await refused({ startsAt: new Date(eventStart - 1000).toISOString() }), 400, 'VALIDATION_FAILED', 'startsAt')
    expectError(await refused({ endsAt: new Date(eventEnd + 1000).toISOString() }), 400, 'VALIDATION_FAILED', 'endsAt')
    expectError(await refused({ startsAt: new Date(eventStart).toISOString(), endsAt: new Date(Date.now() - HOUR).toISOString() }), 400, 'VALIDATION_FAILED', 'endsAt')
    const at = new Date(Date.now() + DAY).toISOString()
    expectError(await refused({ startsAt: at, endsAt: at }), 400, 'VALIDATION_FAILED', 'endsAt')
    expectError(await refused({ startsAt: '2026-12-01T09:00:00' }), 400, 'VALIDATION_FAILED', 'startsAt')
    expectError(await refused({ endsAt: 'next week' }), 400, 'VALIDATION_FAILED', 'endsAt')
    // Exactly the event's own period is allowed.
    const whole = await create(client, { startsAt: new Date(eventStart).toISOString(), endsAt: new Date(eventEnd).toISOString() })
    expect(whole).toMatchObject({ startsAt: new Date(eventStart).toISOString(), endsAt: new Date(eventEnd).toISOString() })
  })

  it('a title of 2 to 40 characters and a description of at most 500', async () => {
    expectError(await refused({ title: ' 减 ' }), 400, 'VALIDATION_FAILED', 'title')
    expectError(await refused({ title: '减'.repeat(41) }), 400, 'VALIDATION_FAILED', 'title')
    expectError(await refused({ description: '字'.repeat(501) }), 400, 'VALIDATION_FAILED', 'description')
    expect((await create(client, { title: '减'.repeat(40), description: undefined })).description).toBe('')
  })

  it('a draft or unknown event does not exist (404); an ended one takes nothing (409)', async () => {
    expectError(await refused({ eventSlug: 'appliance-2027-spring' }), 404, 'NOT_FOUND')
    expectError(await refused({ eventSlug: 'no-such-event' }), 404, 'NOT_FOUND')
    expectError(await refused({ eventSlug: 'car-show-2026', categories: ['nev'], kind: 'free_charger' }), 409, 'INVALID_TRANSITION')
  })

  it('an upcoming event takes promotions for its own period', async () => {
    const { client: shop } = await approvedMerchantClient(['phone'])
    const digital = await api<{ startsAt: string, endsAt: string, status: string }>('/api/v1/events/digital-2027')
    expect(digital.body.status).toBe('upcoming')
    const starts = new Date(digital.body.startsAt).getTime()
    const p = await create(shop, { eventSlug: 'digital-2027', categories: ['phone'], startsAt: new Date(starts).toISOString(), endsAt: new Date(starts + 7 * DAY).toISOString() })
    expect(p).toMatchObject({ eventSlug: 'digital-2027', status: 'draft' })
    expectError(await shop.post('/api/v1/merchant/promotions', promotionBody({ eventSlug: 'digital-2027', categories: ['phone'] })), 400, 'VALIDATION_FAILED', 'startsAt')
  })
})

describe('who may do what', () => {
  let mine: Client
  let draftId: string
  let submittedId: string

  beforeAll(async () => {
    mine = (await approvedMerchantClient()).client
    draftId = (await create(mine)).id
    submittedId = (await create(mine)).id
    await submit(mine, submittedId)
  })

  const merchantRoutes = () => [
    ['GET', '/api/v1/merchant/promotions'],
    ['POST', '/api/v1/merchant/promotions'],
    ['POST', `/api/v1/merchant/promotions/${draftId}/submit`],
    ['POST', `/api/v1/merchant/promotions/${draftId}/end`],
  ] as const
  const adminRoutes = () => [
    ['GET', '/api/v1/admin/promotions'],
    ['POST', `/api/v1/admin/promotions/${submittedId}/decision`],
  ] as const

  async function call(client: Client, method: 'GET' | 'POST', path: string) {
    const body = path.endsWith('/decision') ? { action: 'approve' } : path.endsWith('/promotions') ? promotionBody() : {}
    return method === 'GET' ? client.get(path) : client.post(path, body)
  }

  async function expectUntouched() {
    const own = await ownPromotions(mine)
    expect(own.find(p => p.id === draftId)?.status).toBe('draft')
    expect(own.find(p => p.id === submittedId)?.status).toBe('submitted')
    expect(own).toHaveLength(2)
  }

  it('anonymous: 401 everywhere', async () => {
    for (const [method, path] of [...merchantRoutes(), ...adminRoutes()]) {
      expectError(await call(new Client(), method, path), 401, 'UNAUTHENTICATED')
    }
    await expectUntouched()
  })

  it('a resident: 403 everywhere', async () => {
    const resident = new Client()
    await resident.register('resident')
    for (const [method, path] of [...merchantRoutes(), ...adminRoutes()]) {
      expectError(await call(resident, method, path), 403, 'FORBIDDEN')
    }
    await expectUntouched()
  })

  it('a merchant: 403 on the review routes', async () => {
    for (const [method, path] of adminRoutes()) expectError(await call(mine, method, path), 403, 'FORBIDDEN')
    await expectUntouched()
  })

  it('a merchant account without a profile: 404 on its promotion routes', async () => {
    const newcomer = new Client()
    await newcomer.register('merchant')
    for (const [method, path] of merchantRoutes()) expectError(await call(newcomer, method, path), 404, 'NOT_FOUND')
    await expectUntouched()
  })

  it('a merchant that is not approved cannot create (409 MERCHANT_NOT_APPROVED)', async () => {
    for (const stage of ['profile', 'submitted'] as const) {
      const { client } = await merchantClient(stage)
      expectError(await client.post('/api/v1/merchant/promotions', promotionBody()), 409, 'MERCHANT_NOT_APPROVED')
      expect(await ownPromotions(client)).toEqual([])
    }
  })

  it('another merchant cannot see, submit or end my promotions (404, as if they did not exist)', async () => {
    const other = (await approvedMerchantClient()).client
    const theirs = await create(other)
    expect((await ownPromotions(other)).map(p => p.id)).toEqual([theirs.id])
    for (const id of [draftId, submittedId]) {
      expectError(await other.post(`/api/v1/merchant/promotions/${id}/submit`), 404, 'NOT_FOUND')
      expectError(await other.post(`/api/v1/merchant/promotions/${id}/end`), 404, 'NOT_FOUND')
    }
    expect((await ownPromotions(mine)).map(p => p.id)).not.toContain(theirs.id)
    await expectUntouched()
  })

  it('a signed-in write without this site\'s Origin is refused (403, CSRF)', async () => {
    for (const origin of [null, 'https://evil.example']) {
      for (const [method, path] of merchantRoutes().filter(([m]) => m === 'POST')) {
        const res = await mine.request(method, path, { body: path.endsWith('/promotions') ? promotionBody() : {}, origin })
        expectError(res, 403, 'FORBIDDEN')
      }
      const reviewer = await sharedReviewer()
      expectError(await reviewer.request('POST', `/api/v1/admin/promotions/${submittedId}/decision`, { body: { action: 'approve' }, origin }), 403, 'FORBIDDEN')
    }
    await expectUntouched()
  })

  it('an administrator may review as well as a reviewer', async () => {
    const admin = await adminClient()
    const list = await admin.get<Page<PromotionRecordDto>>('/api/v1/admin/promotions?status=draft&pageSize=5')
    expect(list.status).toBe(200)
    expect(list.body.pageSize).toBe(5)
    for (const p of list.body.items) expect(p.status).toBe('draft')
  })
})

describe('invalid transitions (409 INVALID_TRANSITION)', () => {
  it('approve twice, end twice, submit what is not a draft, decide on a draft', async () => {
    const { client } = await approvedMerchantClient()
    const p = await create(client)
    expectError(await decide(p.id, { action: 'approve' }), 409, 'INVALID_TRANSITION')
    expectError(await decide(p.id, { action: 'reject', reason: 'not yet submitted' }), 409, 'INVALID_TRANSITION')
    await submit(client, p.id)
    expectError(await client.post(`/api/v1/merchant/promotions/${p.id}/submit`), 409, 'INVALID_TRANSITION')
    expect((await decide(p.id, { action: 'approve' })).status).toBe(200)
    expectError(await decide(p.id, { action: 'approve' }), 409, 'INVALID_TRANSITION')
    expectError(await decide(p.id, { action: 'reject', reason: 'too late' }), 409, 'INVALID_TRANSITION')
    expectError(await client.post(`/api/v1/merchant/promotions/${p.id}/submit`), 409, 'INVALID_TRANSITION')
    expect((await client.post(`/api/v1/merchant/promotions/${p.id}/end`)).status).toBe(200)
    expectError(await client.post(`/api/v1/merchant/promotions/${p.id}/end`), 409, 'INVALID_TRANSITION')
    expectError(await client.post(`/api/v1/merchant/promotions/${p.id}/submit`), 409, 'INVALID_TRANSITION')
    // Refusals change nothing and write no audit entry.
    expect(await ownPromotion(client, p.id)).toMatchObject({ status: 'ended' })
    expect((await auditOf(p.id)).map(e => e.action).reverse()).toEqual(['promotion.create', 'promotion.submit', 'promotion.approve', 'promotion.end'])
  })

  it('an unknown promotion is 404 and a malformed id 400', async () => {
    const { client } = await approvedMerchantClient()
    const unknown = '00000000-0000-4000-8000-000000000000'
    expectError(await decide(unknown, { action: 'approve' }), 404, 'NOT_FOUND')
    expectError(await client.post(`/api/v1/merchant/promotions/${unknown}/submit`), 404, 'NOT_FOUND')
    expectError(await client.post(`/api/v1/merchant/promotions/${unknown}/end`), 404, 'NOT_FOUND')
    expectError(await decide('not-an-id', { action: 'approve' }), 400, 'VALIDATION_FAILED', 'id')
    expectError(await client.post('/api/v1/merchant/promotions/not-an-id/end'), 400, 'VALIDATION_FAILED', 'id')
  })
})

describe('GET /api/v1/admin/promotions', () => {
  it('puts submitted promotions first, the longest-waiting first', async () => {
    const { client } = await approvedMerchantClient()
    const first = await create(client)
    const second = await create(client)
    await submit(client, first.id)
    await submit(client, second.id)
    const reviewer = await sharedReviewer()
    for (const query of ['status=submitted&pageSize=100', 'pageSize=100']) {
      const res = await reviewer.get<Page<PromotionRecordDto>>(`/api/v1/admin/promotions?${query}`)
      expect(res.status).toBe(200)
      const ids = res.body.items.map(p => p.id)
      expect(ids.indexOf(first.id), query).toBeGreaterThanOrEqual(0)
      expect(ids.indexOf(first.id), query).toBeLessThan(ids.indexOf(second.id))
      const statuses = res.body.items.map(p => p.status)
      // Submitted ones before all others, and in order of waiting.
      expect(statuses.slice(0, statuses.filter(s => s === 'submitted').length).every(s => s === 'submitted'), query).toBe(true)
      const waiting = res.body.items.filter(p => p.status === 'submitted').map(p => p.updatedAt)
      expect(waiting).toEqual([...waiting].sort())
    }
  })

  it('filters by status, pages, and refuses unknown filters', async () => {
    const reviewer = await sharedReviewer()
    const approved = await reviewer.get<Page<PromotionRecordDto>>('/api/v1/admin/promotions?status=approved&page=1&pageSize=2')
    expect(approved.status).toBe(200)
    expect(approved.body.items.length).toBeLessThanOrEqual(2)
    expect(approved.body.total).toBeGreaterThan(2)
    for (const p of approved.body.items) expect(p).toMatchObject({ status: 'approved', reviewReason: null })
    const page2 = await reviewer.get<Page<PromotionRecordDto>>('/api/v1/admin/promotions?status=approved&page=2&pageSize=2')
    expect(page2.body.items.map(p => p.id)).not.toContain(approved.body.items[0]!.id)
    const rejected = await reviewer.get<Page<PromotionRecordDto>>('/api/v1/admin/promotions?status=rejected&pageSize=100')
    expect(rejected.body.items.length).toBeGreaterThan(0)
    for (const p of rejected.body.items) expect(p.reviewReason).toBeTruthy()
    for (const query of ['status=public', 'sort=title', 'pageSize=101', 'page=0']) {
      expectError(await reviewer.get(`/api/v1/admin/promotions?${query}`), 400, 'VALIDATION_FAILED')
    }
  })
})
