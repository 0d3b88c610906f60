import { describe, expect, it } from 'vitest'
import type { MerchantDetailDto, MerchantDto, Page, PromotionDto } from '#shared/types/public'
import { api, type ErrorBody } from '../support/http'
import { adminClient } from '../support/client'

async function allMerchants(query = ''): Promise<MerchantDto[]> {
  const items: MerchantDto[] = []
  for (let page = 1; ; page++) {
    const res = await api<Page<MerchantDto>>(`/api/v1/merchants?pageSize=100&page=${page}${query ? `&${query}` : ''}`)
    expect(res.status).toBe(200)
    items.push(...res.body.items)
    if (items.length >= res.body.total || res.body.items.length === 0) break
  }
  return items
}

async function demo() {
  return (await import('~~/server/db/seed/demo-data')).buildDemoData(new Date())
}

describe('GET /api/v1/merchants', () => {
  it('lists approved merchants only, never any other lifecycle state', async () => {
    const data = await demo()
    const listed = await allMerchants()
    const approved = data.merchants.filter(m => m.status === 'approved')
    const listedIds = new Set(listed.map(m => m.id))
    for (const m of approved) expect(listedIds.has(m.id)).toBe(true)
    // Other test files add merchants of their own: the bureau's view confirms every listed one is approved.
    const admin = await adminClient()
    const staffApproved = await admin.get<{ items: Array<{ id: string }>, total: number }>('/api/v1/admin/merchants?status=approved&pageSize=100')
    expect(staffApproved.body.total).toBeLessThanOrEqual(100)
    expect([...listedIds].sort()).toEqual(staffApproved.body.items.map(m => m.id).sort())
    const hidden = data.merchants.filter(m => m.status !== 'approved')
    expect(new Set(hidden.map(m => m.status))).toEqual(new Set(['draft', 'submitted', 'rejected', 'changes_requested', 'suspended']))
    for (const m of hidden) {
      const byName = await allMerchants(`q=${encodeURIComponent(m.name)}`)
      expect(byName.map(x => x.id)).not.toContain(m.id)
    }
  })

  it('returns the contract fields and no private ones', async () => {
    const [first] = await allMerchants()
    expect(Object.keys(first!).sort()).toEqual(['address', 'categories', 'id', 'lat', 'lng', 'name', 'openingHours', 'storePhone', 'street'].sort())
  })

  it('filters by street, category and event together: appliance shops in 外海', async () => {
    const listed = await allMerchants('street=waihai&event=appliance-2026')
    expect(listed.length).toBeGreaterThanOrEqual(4)
    for (const m of listed) expect(m.street).toBe('waihai')
    const withCategory = await allMerchants('street=waihai&event=appliance-2026&category=fridge')
    for (const m of withCategory) expect(m.categories).toContain('fridge')
    const { DEMO_APPROVED_WAIHAI_APPLIANCE_MERCHANT_NAMES } = await import('~~/server/db/seed/demo-data')
    for (const name of DEMO_APPROVED_WAIHAI_APPLIANCE_MERCHANT_NAMES) expect(listed.map(m => m.name)).toContain(name)
  })

  it('near=lat,lng orders by distance and reports it', async () => {
    const res = await api<Page<MerchantDto>>('/api/v1/merchants?near=22.565,113.15&pageSize=100')
    expect(res.status).toBe(200)
    const distances = res.body.items.filter(m => m.lat !== null).map(m => m.distanceM!)
    expect(distances.length).toBeGreaterThan(5)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    // The first one really is the nearest, by an independent haversine.
    const haversine = (m: MerchantDto) => {
      const rad = (d: number) => d * Math.PI / 180
      const a = Math.sin(rad(m.lat! - 22.565) / 2) ** 2 + Math.cos(rad(22.565)) * Math.cos(rad(m.lat!)) * Math.sin(rad(m.lng! - 113.15) / 2) ** 2
      return 2 * 6371000 * Math.asin(Math.sqrt(a))
    }
    const first = res.body.items[0]!
    expect(Math.abs(haversine(first) - first.distanceM!)).toBeLessThan(2)
  })

  it('refuses bad filters with 400', async () => {
    for (const query of ['street=beijing', 'near=abc', 'near=95,113', 'status=draft', 'pageSize=0']) {
      const res = await api<ErrorBody>(`/api/v1/merchants?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.body.data.code).toBe('VALIDATION_FAILED')
    }
  })
})

describe('GET /api/v1/merchants/{id}', () => {
  it('shows an approved merchant with its current promotions', async () => {
    const data = await demo()
    const demoIds = new Set(data.promotions.map(p => p.id))
    const promotions = await api<Page<PromotionDto>>('/api/v1/promotions?pageSize=100')
    const withPromotion = promotions.body.items.find(p => demoIds.has(p.id))!
    const res = await api<MerchantDetailDto>(`/api/v1/merchants/${withPromotion.merchantId}`)
    expect(res.status).toBe(200)
    expect(res.body.promotions.map(p => p.id)).toContain(withPromotion.id)
    expect(res.body.events.length).toBeGreaterThan(0)
  })

  it('404 for a merchant in any other state', async () => {
    const data = await demo()
    for (const m of data.merchants.filter(x => x.status !== 'approved')) {
      const res = await api<ErrorBody>(`/api/v1/merchants/${m.id}`)
      expect(res.status, m.status).toBe(404)
      expect(res.body.data.code).toBe('NOT_FOUND')
    }
  })
})

describe('GET /api/v1/promotions', () => {
  it('lists approved, current promotions of approved merchants only', async () => {
    const data = await demo()
    const res = await api<Page<PromotionDto>>('/api/v1/promotions?pageSize=100')
    expect(res.status).toBe(200)
    expect(res.body.items.length).toBeGreaterThan(0)
    const now = Date.now()
    const byId = new Map(data.promotions.map(p => [p.id, p]))
    // Other test files publish promotions of their own; the demo ones must be exactly the approved, current ones.
    for (const p of res.body.items.filter(x => byId.has(x.id))) {
      expect(byId.get(p.id)?.status).toBe('approved')
      expect(Date.parse(p.startsAt)).toBeLessThanOrEqual(now)
      expect(Date.parse(p.endsAt)).toBeGreaterThan(now)
    }
    const notShown = data.promotions.filter(p => p.status !== 'approved')
    expect(notShown.length).toBeGreaterThan(0)
    for (const p of notShown) expect(res.body.items.map(x => x.id)).not.toContain(p.id)
  })

  it('filters by event and category', async () => {
    const res = await api<Page<PromotionDto>>('/api/v1/promotions?event=appliance-2026&pageSize=100')
    for (const p of res.body.items) expect(p.eventSlug).toBe('appliance-2026')
    const first = res.body.items[0]!
    const byCategory = await api<Page<PromotionDto>>(`/api/v1/promotions?category=${first.categories[0]}&pageSize=100`)
    for (const p of byCategory.body.items) expect(p.categories).toContain(first.categories[0])
  })
})
