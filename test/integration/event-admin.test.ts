import { describe, expect, it } from 'vitest'
import type { EventDetailDto, EventSummaryDto, Page } from '#shared/types/public'
import type { AuditEntryDto } from '~~/server/services/audit-log'
import type { AdminEventDto, AdminEventSummaryDto, AdminReleaseDto } from '~~/server/services/event-admin'
import { adminClient, Client, reviewerClient } from '../support/client'
import { api, type ErrorBody } from '../support/http'
import { approvedMerchantClient } from '../support/merchants'

const DAY = 86_400_000
let counter = Math.floor(Math.random() * 1e6)

/** A slug nobody used before in this database. */
function freshSlug(prefix = 'it-gas'): string {
  counter += 1
  return `${prefix}-${Date.now().toString(36)}-${counter}`
}

/** A page size nobody asked for before (with the other parameters), so the 30 s cache of public routes answers fresh. */
const fresh = () => `${Math.floor(Math.random() * 80) + 20}`

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')

const rateRule = (categoryCode: string) => ({ categoryCode, ratePctByGrade: { 1: 20, 2: 15 }, capFen: 200_000, perPersonLimit: 1, requiresTradeIn: true })

function eventBody(overrides: Record<string, unknown> = {}) {
  const now = Date.now()
  return {
    slug: freshSlug(),
    title: '2026 邑齐焕新·燃气具以旧换新（测试）',
    titleEn: 'Gas appliance trade-in (test)',
    description: '燃气灶、燃气热水器以旧换新补贴。',
    descriptionEn: 'Subsidies for gas stoves and gas water heaters.',
    kind: 'gas',
    startsAt: iso(now - DAY),
    endsAt: iso(now + 30 * DAY),
    budgetFen: 100_000_000,
    rules: [rateRule('gas-stove'), { ...rateRule('gas-water-heater'), perPersonLimit: 2 }],
    ...overrides,
  }
}

async function createEvent(admin: Client, overrides: Record<string, unknown> = {}) {
  const res = await admin.post<AdminEventDto>('/api/v1/admin/events', eventBody(overrides))
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

async function auditOf(client: Client, eventId: string) {
  const res = await client.get<Page<AuditEntryDto>>(`/api/v1/admin/audit?entity=event:${eventId}&pageSize=100`)
  expect(res.status).toBe(200)
  return res.body.items
}

function issuePaths(body: unknown): string[] {
  return ((body as ErrorBody).data.issues ?? []).map(i => i.path)
}

describe('administrator: event set-up end to end', () => {
  it('creates a draft with rules, adds a release, publishes it (public sees it), closes it; every step audited', async () => {
    const admin = await adminClient()
    const body = eventBody()
    const created = await admin.post<AdminEventDto>('/api/v1/admin/events', body)
    expect(created.status).toBe(201)
    const ev = created.body
    expect(ev).toMatchObject({ slug: body.slug, title: body.title, titleEn: body.titleEn, kind: 'gas', status: 'draft', publicStatus: null, budgetFen: 100_000_000, reservedFen: 0, spentFen: 0, availableFen: 100_000_000, releases: [] })
    expect(ev.rules).toEqual([
      { categoryCode: 'gas-stove', ratePctByGrade: { 1: 20, 2: 15 }, capFen: 200_000, fixedFen: null, perPersonLimit: 1, priceCeilingFen: null, requiresTradeIn: true },
      { categoryCode: 'gas-water-heater', ratePctByGrade: { 1: 20, 2: 15 }, capFen: 200_000, fixedFen: null, perPersonLimit: 2, priceCeilingFen: null, requiresTradeIn: true },
    ])

    // A draft is not public.
    expect((await api(`/api/v1/events/${ev.slug}`)).status).toBe(404)
    const adminList = await admin.get<Page<AdminEventSummaryDto>>('/api/v1/admin/events?status=draft&pageSize=100')
    expect(adminList.body.items.map(e => e.slug)).toContain(ev.slug)

    const opensAt = Date.now() + 2 * 3_600_000
    const release = await admin.post<AdminReleaseDto>(`/api/v1/admin/events/${ev.slug}/releases`, { categoryCode: 'gas-stove', opensAt: iso(opensAt), closesAt: iso(opensAt + 8 * 3_600_000), quota: 50 })
    expect(release.status).toBe(201)
    expect(release.body).toMatchObject({ categoryCode: 'gas-stove', quota: 50, claimed: 0, remaining: 50, state: 'scheduled' })

    const published = await admin.post<AdminEventDto>(`/api/v1/admin/events/${ev.slug}/publish`)
    expect(published.status).toBe(200)
    expect(published.body).toMatchObject({ status: 'published', publicStatus: 'current' })
    expect(published.body.releases).toEqual([expect.objectContaining({ id: release.body.id, remaining: 50 })])

    const list = await api<Page<EventSummaryDto>>(`/api/v1/events?pageSize=${fresh()}&kind=gas&status=current`)
    expect(list.status).toBe(200)
    expect(list.body.items.map(e => e.slug)).toContain(ev.slug)
    const detail = await api<EventDetailDto>(`/api/v1/events/${ev.slug}?v=${Date.now()}`)
    expect(detail.status).toBe(200)
    expect(detail.body.categories).toEqual(['gas-stove', 'gas-water-heater'])
    expect(detail.body.releases).toEqual([expect.objectContaining({ id: release.body.id, quota: 50, remaining: 50 })])

    // Publishing twice is not a transition.
    const again = await admin.post<ErrorBody>(`/api/v1/admin/events/${ev.slug}/publish`)
    expect(again.status).toBe(409)
    expect(again.body.data.code).toBe('INVALID_TRANSITION')

    const closed = await admin.post<AdminEventDto>(`/api/v1/admin/events/${ev.slug}/close`)
    expect(closed.status).toBe(200)
    expect(closed.body).toMatchObject({ status: 'closed', publicStatus: 'ended' })
    const ended = await api<Page<EventSummaryDto>>(`/api/v1/events?pageSize=${fresh()}&kind=gas&status=ended`)
    expect(ended.body.items.find(e => e.slug === ev.slug)?.status).toBe('ended')

    // A closed event is history: no more releases, edits or transitions.
    const lateRelease = await admin.post<ErrorBody>(`/api/v1/admin/events/${ev.slug}/releases`, { categoryCode: 'gas-stove', opensAt: iso(opensAt), closesAt: iso(opensAt + 3_600_000), quota: 5 })
    expect(lateRelease.status).toBe(409)
    expect(lateRelease.body.data.code).toBe('INVALID_TRANSITION')
    expect((await admin.patch<ErrorBody>(`/api/v1/admin/events/${ev.slug}`, { title: '改名' })).status).toBe(409)
    expect((await admin.post<ErrorBody>(`/api/v1/admin/events/${ev.slug}/close`)).status).toBe(409)

    const actions = (await auditOf(admin, ev.id)).map(a => a.action)
    expect(actions.sort()).toEqual(['event.close', 'event.create', 'event.publish', 'event.release_add'])
  })

  it('refuses to publish an event without rules (409 INVALID_TRANSITION) and leaves it a draft', async () => {
    const admin = await adminClient()
    const ev = await createEvent(admin, { rules: [] })
    const res = await admin.post<ErrorBody>(`/api/v1/admin/events/${ev.slug}/publish`)
    expect(res.status).toBe(409)
    expect(res.body.data.code).toBe('INVALID_TRANSITION')
    expect((await admin.get<AdminEventDto>(`/api/v1/admin/events/${ev.slug}`)).body.status).toBe('draft')
  })

  it('edits fields and rules; rule edits on a published event are audited as event.rules_edit with before → after', async () => {
    const admin = await adminClient()
    const ev = await createEvent(admin)
    await admin.post(`/api/v1/admin/events/${ev.slug}/publish`)
    const res = await admin.patch<AdminEventDto>(`/api/v1/admin/events/${ev.slug}`, {
      titleEn: 'Gas trade-in (edited)',
      budgetFen: 120_000_000,
      rules: [{ ...rateRule('gas-stove'), capFen: 150_000, priceCeilingFen: 800_000 }],
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ titleEn: 'Gas trade-in (edited)', budgetFen: 120_000_000, status: 'published' })
    expect(res.body.rules).toEqual([expect.objectContaining({ categoryCode: 'gas-stove', capFen: 150_000, priceCeilingFen: 800_000 })])

    const entries = await auditOf(admin, ev.id)
    const rulesEdit = entries.find(e => e.action === 'event.rules_edit')
    expect(rulesEdit).toBeDefined()
    expect((rulesEdit!.before as { rules: unknown[] }).rules).toHaveLength(2)
    expect((rulesEdit!.after as { rules: Array<{ capFen: number }> }).rules).toEqual([expect.objectContaining({ capFen: 150_000 })])
    const update = entries.find(e => e.action === 'event.update')
    expect(update?.before).toEqual({ titleEn: ev.titleEn, budgetFen: 100_000_000 })
    expect(update?.after).toEqual({ titleEn: 'Gas trade-in (edited)', budgetFen: 120_000_000 })
    expect(rulesEdit!.actorRole).toBe('admin')
  })

  it('refuses a budget below what is reserved and spent on a published event, and changes nothing', async () => {
    const admin = await adminClient()
    // The demo gas event has claims and redemptions (reserved + spent > 0).
    const demo = (await admin.get<AdminEventDto>('/api/v1/admin/events/gas-2026')).body
    const committed = demo.reservedFen + demo.spentFen
    expect(committed).toBeGreaterThan(0)
    const res = await admin.patch<ErrorBody>('/api/v1/admin/events/gas-2026', { budgetFen: committed - 1, title: '不应保存的标题' })
    expect(res.status).toBe(400)
    expect(res.body.data.code).toBe('VALIDATION_FAILED')
    expect(issuePaths(res.body)).toEqual(['budgetFen'])
    const after = (await admin.get<AdminEventDto>('/api/v1/admin/events/gas-2026')).body
    expect(after.budgetFen).toBe(demo.budgetFen)
    expect(after.title).toBe(demo.title)
    // Exactly what is committed is allowed (nothing left to claim), then put back.
    const exact = await admin.patch<AdminEventDto>('/api/v1/admin/events/gas-2026', { budgetFen: committed })
    expect(exact.status).toBe(200)
    expect(exact.body.availableFen).toBe(0)
    expect((await admin.patch('/api/v1/admin/events/gas-2026', { budgetFen: demo.budgetFen })).status).toBe(200)
  })

  it.each([
    ['a taken slug', () => ({ slug: 'gas-2026' }), ['slug']],
    ['an unknown category', () => ({ rules: [rateRule('gas-stove'), rateRule('gas-oven')] }), ['rules.1.categoryCode']],
    ['a category of another kind', () => ({ rules: [rateRule('fridge')] }), ['rules.0.categoryCode']],
    ['the same category twice', () => ({ rules: [rateRule('gas-stove'), rateRule('gas-stove')] }), ['rules.1.categoryCode']],
    ['a rate rule without a cap', () => ({ rules: [{ ...rateRule('gas-stove'), capFen: null }] }), ['rules.0.capFen']],
    ['a rule with neither rates nor a fixed amount', () => ({ rules: [{ categoryCode: 'gas-stove', capFen: 1000 }] }), ['rules.0.ratePctByGrade']],
    ['a rate of 120 %', () => ({ rules: [{ ...rateRule('gas-stove'), ratePctByGrade: { 1: 120 } }] }), ['rules.0.ratePctByGrade.1']],
    ['a per-person limit of 11', () => ({ rules: [{ ...rateRule('gas-stove'), perPersonLimit: 11 }] }), ['rules.0.perPersonLimit']],
    ['an end before the start', () => ({ startsAt: '2027-03-01T00:00:00+08:00', endsAt: '2027-02-01T00:00:00+08:00' }), ['endsAt']],
    ['a negative budget', () => ({ budgetFen: -100 }), ['budgetFen']],
    ['a bad slug', () => ({ slug: 'Not A Slug' }), ['slug']],
  ])('POST refuses %s with 400 and the field paths; nothing is created', async (_what, override, expected) => {
    const admin = await adminClient()
    const body = eventBody(override())
    const res = await admin.post<ErrorBody>('/api/v1/admin/events', body)
    expect(res.status).toBe(400)
    expect(res.body.data.code).toBe('VALIDATION_FAILED')
    expect(issuePaths(res.body)).toEqual(expected)
    if (body.slug !== 'gas-2026' && /^[a-z0-9-]+$/.test(body.slug)) {
      expect((await admin.get(`/api/v1/admin/events/${body.slug}`)).status).toBe(404)
    }
  })

  it('PATCH refuses bad rules, a kind change on a published event and an inverted period; nothing changes', async () => {
    const admin = await adminClient()
    const ev = await createEvent(admin)
    await admin.post(`/api/v1/admin/events/${ev.slug}/publish`)
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ rules: [rateRule('tv')] }, ['rules.0.categoryCode']],
      [{ kind: 'appliance', rules: [rateRule('fridge')] }, ['kind']],
      [{ endsAt: iso(Date.parse(ev.startsAt) - DAY) }, ['endsAt']],
      [{ budgetFen: 1.5 }, ['budgetFen']],
      [{ slug: 'renamed' }, ['']],
    ]
    for (const [patch, expected] of cases) {
      const res = await admin.patch<ErrorBody>(`/api/v1/admin/events/${ev.slug}`, patch)
      expect(res.status, JSON.stringify(patch)).toBe(400)
      expect(issuePaths(res.body), JSON.stringify(patch)).toEqual(expected)
    }
    const after = (await admin.get<AdminEventDto>(`/api/v1/admin/events/${ev.slug}`)).body
    expect(after.rules).toEqual(ev.rules)
    expect(after).toMatchObject({ kind: 'gas', endsAt: ev.endsAt, budgetFen: ev.budgetFen })
    expect((await auditOf(admin, ev.id)).map(a => a.action).sort()).toEqual(['event.create', 'event.publish'])
  })

  it('refuses releases outside the event period, for a category without a rule, or with a quota of 0', async () => {
    const admin = await adminClient()
    const ev = await createEvent(admin, { rules: [rateRule('gas-stove')] })
    const start = Date.parse(ev.startsAt)
    const end = Date.parse(ev.endsAt)
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ categoryCode: 'gas-water-heater', opensAt: iso(start + DAY), closesAt: iso(start + 2 * DAY), quota: 10 }, ['categoryCode']],
      [{ categoryCode: 'gas-stove', opensAt: iso(start - DAY), closesAt: iso(start + DAY), quota: 10 }, ['opensAt']],
      [{ categoryCode: 'gas-stove', opensAt: iso(end - DAY), closesAt: iso(end + DAY), quota: 10 }, ['closesAt']],
      [{ categoryCode: 'gas-stove', opensAt: iso(start + 2 * DAY), closesAt: iso(start + DAY), quota: 10 }, ['closesAt']],
      [{ categoryCode: 'gas-stove', opensAt: iso(start + DAY), closesAt: iso(start + 2 * DAY), quota: 0 }, ['quota']],
    ]
    for (const [body, expected] of cases) {
      const res = await admin.post<ErrorBody>(`/api/v1/admin/events/${ev.slug}/releases`, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(issuePaths(res.body), JSON.stringify(body)).toEqual(expected)
    }
    expect((await admin.get<AdminEventDto>(`/api/v1/admin/events/${ev.slug}`)).body.releases).toEqual([])
    // A rule with releases cannot be dropped, and the period cannot shrink past a release.
    const ok = await admin.post<AdminReleaseDto>(`/api/v1/admin/events/${ev.slug}/releases`, { categoryCode: 'gas-stove', opensAt: iso(end - 2 * DAY), closesAt: iso(end - DAY), quota: 10 })
    expect(ok.status).toBe(201)
    expect(issuePaths((await admin.patch(`/api/v1/admin/events/${ev.slug}`, { rules: [rateRule('gas-water-heater')] })).body)).toEqual(['rules'])
    expect(issuePaths((await admin.patch(`/api/v1/admin/events/${ev.slug}`, { endsAt: iso(end - 3 * DAY) })).body)).toEqual(['endsAt'])
  })

  it('answers 404 for an unknown event', async () => {
    const admin = await adminClient()
    expect((await admin.get<ErrorBody>('/api/v1/admin/events/no-such-event-here')).body.data.code).toBe('NOT_FOUND')
    expect((await admin.post('/api/v1/admin/events/no-such-event-here/publish')).status).toBe(404)
    expect((await admin.patch('/api/v1/admin/events/no-such-event-here', { budgetFen: 1 })).status).toBe(404)
  })
})

describe('who may set up events', () => {
  it('a reviewer may read (list, detail incl. drafts) but every write is 403 and changes nothing', async () => {
    const admin = await adminClient()
    const ev = await createEvent(admin)
    const reviewer = await reviewerClient()
    expect((await reviewer.get<Page<AdminEventSummaryDto>>('/api/v1/admin/events?pageSize=100')).status).toBe(200)
    const detail = await reviewer.get<AdminEventDto>(`/api/v1/admin/events/${ev.slug}`)
    expect(detail.status).toBe(200)
    expect(detail.body.status).toBe('draft')
    const writes: Array<[string, string, unknown]> = [
      ['POST', '/api/v1/admin/events', eventBody()],
      ['PATCH', `/api/v1/admin/events/${ev.slug}`, { budgetFen: 1 }],
      ['POST', `/api/v1/admin/events/${ev.slug}/publish`, {}],
      ['POST', `/api/v1/admin/events/${ev.slug}/close`, {}],
      ['POST', `/api/v1/admin/events/${ev.slug}/releases`, { categoryCode: 'gas-stove', opensAt: ev.startsAt, closesAt: ev.endsAt, quota: 5 }],
    ]
    for (const [method, path, body] of writes) {
      const res = await reviewer.request<ErrorBody>(method, path, { body })
      expect(res.status, `${method} ${path}`).toBe(403)
      expect(res.body.data.code).toBe('FORBIDDEN')
    }
    const after = (await admin.get<AdminEventDto>(`/api/v1/admin/events/${ev.slug}`)).body
    expect(after).toMatchObject({ status: 'draft', budgetFen: ev.budgetFen, releases: [] })
  })

  it('a merchant and a resident get 403, anonymous callers 401, on reads and writes', async () => {
    const admin = await adminClient()
    const ev = await createEvent(admin)
    const resident = new Client()
    await resident.register('resident')
    const { client: merchant } = await approvedMerchantClient(['gas-stove'])
    const anonymous = new Client()
    const calls: Array<[string, string, unknown]> = [
      ['GET', '/api/v1/admin/events', undefined],
      ['GET', `/api/v1/admin/events/${ev.slug}`, undefined],
      ['POST', '/api/v1/admin/events', eventBody()],
      ['PATCH', `/api/v1/admin/events/${ev.slug}`, { budgetFen: 1 }],
      ['POST', `/api/v1/admin/events/${ev.slug}/publish`, {}],
      ['POST', `/api/v1/admin/events/${ev.slug}/releases`, { categoryCode: 'gas-stove', opensAt: ev.startsAt, closesAt: ev.endsAt, quota: 5 }],
    ]
    for (const [method, path, body] of calls) {
      expect((await resident.request(method, path, { body })).status, `resident ${method} ${path}`).toBe(403)
      expect((await merchant.request(method, path, { body })).status, `merchant ${method} ${path}`).toBe(403)
      expect((await anonymous.request(method, path, { body })).status, `anonymous ${method} ${path}`).toBe(401)
    }
    expect((await admin.get<AdminEventDto>(`/api/v1/admin/events/${ev.slug}`)).body.status).toBe('draft')
  })
})
