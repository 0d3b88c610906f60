import { describe, expect, it } from 'vitest'
import type { EventDetailDto, EventSummaryDto, Page } from '#shared/types/public'
import { api, type ErrorBody } from '../support/http'

describe('GET /api/v1/events', () => {
  it('lists public events with the contract fields, in fen', async () => {
    const res = await api<Page<EventSummaryDto>>('/api/v1/events?pageSize=100')
    expect(res.status).toBe(200)
    expect(res.body.total).toBeGreaterThanOrEqual(5)
    expect(res.body).toMatchObject({ page: 1, pageSize: 100 })
    for (const e of res.body.items) {
      expect(e).toEqual(expect.objectContaining({ id: expect.any(String), slug: expect.any(String), title: expect.any(String), kind: expect.any(String) }))
      expect(['current', 'upcoming', 'ended']).toContain(e.status)
      expect(Number.isInteger(e.budgetFen) && Number.isInteger(e.spentFen) && Number.isInteger(e.reservedFen)).toBe(true)
      expect(e.reservedFen + e.spentFen).toBeLessThanOrEqual(e.budgetFen)
      expect(Array.isArray(e.categories)).toBe(true)
      expect(Number.isNaN(Date.parse(e.startsAt))).toBe(false)
    }
  })

  it('never shows a draft event', async () => {
    const all = await api<Page<EventSummaryDto>>('/api/v1/events?pageSize=100')
    const slugs = all.body.items.map(e => e.slug)
    const drafts = (await import('~~/server/db/seed/demo-data')).buildDemoData(new Date()).events.filter(e => e.status === 'draft')
    expect(drafts.length).toBeGreaterThan(0)
    for (const draft of drafts) {
      expect(slugs).not.toContain(draft.slug)
      const detail = await api<ErrorBody>(`/api/v1/events/${draft.slug}`)
      expect(detail.status).toBe(404)
      expect(detail.body.data.code).toBe('NOT_FOUND')
    }
  })

  it.each(['current', 'upcoming', 'ended'] as const)('filters by status=%s, and each event is in exactly one bucket', async (status) => {
    const res = await api<Page<EventSummaryDto>>(`/api/v1/events?status=${status}&pageSize=100`)
    expect(res.status).toBe(200)
    expect(res.body.items.length).toBeGreaterThan(0)
    for (const e of res.body.items) expect(e.status).toBe(status)
  })

  it('the three buckets add up to the whole list', async () => {
    const counts = await Promise.all(['current', 'upcoming', 'ended'].map(s => api<Page<EventSummaryDto>>(`/api/v1/events?status=${s}`)))
    const all = await api<Page<EventSummaryDto>>('/api/v1/events')
    expect(counts.reduce((n, r) => n + r.body.total, 0)).toBe(all.body.total)
  })

  it('filters by kind', async () => {
    const res = await api<Page<EventSummaryDto>>('/api/v1/events?kind=gas')
    expect(res.body.items.length).toBeGreaterThan(0)
    for (const e of res.body.items) expect(e.kind).toBe('gas')
  })

  it('paginates', async () => {
    const first = await api<Page<EventSummaryDto>>('/api/v1/events?pageSize=2&page=1')
    const second = await api<Page<EventSummaryDto>>('/api/v1/events?pageSize=2&page=2')
    expect(first.body.items).toHaveLength(2)
    expect(second.body.items.length).toBeGreaterThan(0)
    expect(second.body.items.map(e => e.id)).not.toContain(first.body.items[0]!.id)
    const beyond = await api<Page<EventSummaryDto>>('/api/v1/events?page=999')
    expect(beyond.status).toBe(200)
    expect(beyond.body.items).toEqual([])
  })

  it.each([
    ['status=draft', 'status'],
    ['kind=boat', 'kind'],
    ['pageSize=101', 'pageSize'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['orderBy=id', ''],
  ])('refuses %s with 400 VALIDATION_FAILED and names the field', async (query, path) => {
    const res = await api<ErrorBody>(`/api/v1/events?${query}`)
    expect(res.status).toBe(400)
    expect(res.body.data.code).toBe('VALIDATION_FAILED')
    expect(res.body.data.issues?.length).toBeGreaterThan(0)
    if (path) expect(res.body.data.issues?.map(i => i.path)).toContain(path)
  })
})

describe('GET /api/v1/events/{slug}', () => {
  it('returns the rules and releases of the current appliance event', async () => {
    const res = await api<EventDetailDto>('/api/v1/events/appliance-2026')
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('current')
    const fridge = res.body.rules.find(r => r.categoryCode === 'fridge')
    expect(fridge).toMatchObject({ ratePctByGrade: { 1: 20, 2: 15 }, capFen: 200000, perPersonLimit: 1, requiresTradeIn: true })
    expect(res.body.rules.find(r => r.categoryCode === 'ac')?.perPersonLimit).toBe(3)
    expect(res.body.releases.length).toBeGreaterThan(0)
    for (const r of res.body.releases) {
      expect(r.remaining).toBeGreaterThanOrEqual(0)
      expect(r.remaining).toBeLessThanOrEqual(r.quota)
      expect(['scheduled', 'open', 'sold_out', 'closed']).toContain(r.state)
    }
    expect(res.body.nextReleaseAt).not.toBeNull()
    expect(Date.parse(res.body.nextReleaseAt!)).toBeGreaterThan(Date.now() - 60_000)
    expect(res.body.enrolledMerchants).toBeGreaterThan(0)
    expect(typeof res.body.description).toBe('string')
  })

  it('car events have fixed amounts', async () => {
    const res = await api<EventDetailDto>('/api/v1/events/car-show-2026')
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('ended')
    expect(res.body.rules.find(r => r.categoryCode === 'nev')?.fixedFen).toBe(2000000)
    expect(res.body.rules.find(r => r.categoryCode === 'fuel-car')?.fixedFen).toBe(1500000)
  })

  it('404 for an unknown slug, 400 for a malformed one', async () => {
    const missing = await api<ErrorBody>('/api/v1/events/no-such-event')
    expect(missing.status).toBe(404)
    expect(missing.body.data.code).toBe('NOT_FOUND')
    const bad = await api<ErrorBody>('/api/v1/events/%27%3B--')
    expect(bad.status).toBe(400)
    expect(bad.body.data.code).toBe('VALIDATION_FAILED')
  })
})
