import { describe, expect, it } from 'vitest'
import { normalizeSearchText } from '#shared/domain/search'
import type { Page, ProductDetailDto, ProductDto, SubsidyQuoteDto } from '#shared/types/public'
import { api, type ErrorBody } from '../support/http'

type ProductPage = Page<ProductDto>

async function search(query: string) {
  const res = await api<ProductPage>(`/api/v1/products?${query}`)
  expect(res.status, query).toBe(200)
  return res.body
}

describe('GET /api/v1/products', () => {
  it('finds a model by a partial model number, however it is typed', async () => {
    for (const q of ['KFR-35', 'kfr-35', 'kfr35', 'KFR 35', 'NhAa1BAj']) {
      const page = await search(`q=${encodeURIComponent(q)}&pageSize=100`)
      expect(page.items.map(p => p.model), q).toContain('KFR-35GW/NhAa1BAj')
      for (const p of page.items) expect(`${p.brand}|${p.brandAlias}|${p.model}`.toLowerCase().replace(/[-\s/._()+*]/g, '')).toContain(q.toLowerCase().replace(/[-\s/._()+*]/g, ''))
    }
  })

  it('finds brands by their Chinese or Latin name', async () => {
    const zh = await search(`q=${encodeURIComponent('格力')}&pageSize=100`)
    const latin = await search('q=gree&pageSize=100')
    expect(zh.total).toBeGreaterThan(0)
    expect(latin.total).toBe(zh.total)
    for (const p of zh.items) expect(p.brand).toBe('格力')
    const ao = await search(`q=${encodeURIComponent('A.O.史密斯')}`)
    expect(ao.total).toBeGreaterThan(0)
  })

  it('combines words: brand and model', async () => {
    const page = await search(`q=${encodeURIComponent('格力 KFR-35')}`)
    expect(page.items.length).toBeGreaterThan(0)
    for (const p of page.items) {
      expect(p.brand).toBe('格力')
      expect(p.model.toUpperCase()).toContain('KFR-35')
    }
  })

  it('a two-character Chinese brand finds all of its products and nothing else, alone or with a sort', async () => {
    const zh = await search(`q=${encodeURIComponent('格力')}&pageSize=100`)
    const filtered = await search(`brand=${encodeURIComponent('格力')}&pageSize=100`)
    expect(zh.total).toBeGreaterThan(0)
    expect(zh.total).toBe(filtered.total)
    for (const p of zh.items) expect(p.brand).toBe('格力')
    const cheapest = await search(`q=${encodeURIComponent('格力')}&sort=price_asc&pageSize=5`)
    const next = await search(`q=${encodeURIComponent('格力')}&sort=price_asc&pageSize=5&page=2`)
    const prices = [...cheapest.items, ...next.items].map(p => p.filedPriceFen)
    expect(prices).toEqual([...prices].sort((x, y) => x - y))
    expect(cheapest.total).toBe(zh.total)
  })

  it('a brand word finds every brand that holds it (海尔 and 海尔统帅), shortest match first', async () => {
    const page = await search(`q=${encodeURIComponent('海尔')}&pageSize=100`)
    const haier = await search(`brand=${encodeURIComponent('海尔')}&pageSize=1`)
    const leader = await search(`brand=${encodeURIComponent('海尔统帅')}&pageSize=1`)
    expect(haier.total).toBeGreaterThan(0)
    expect(leader.total).toBeGreaterThan(0)
    expect(page.total).toBe(haier.total + leader.total)
    const lengths = page.items.map(p => [...normalizeSearchText(`${p.brand}|${p.brandAlias ?? ''}|${p.model}`)].length)
    expect(lengths).toEqual([...lengths].sort((x, y) => x - y))
  })

  it('a Latin alias, whole or in part, finds the same products as the Chinese brand', async () => {
    const latin = await search('q=haier&pageSize=1')
    const part = await search('q=HAIE&pageSize=1')
    const byAlias = await search('brand=haier&pageSize=1')
    expect(latin.total).toBeGreaterThan(0)
    expect(latin.total).toBe(byAlias.total)
    expect(part.total).toBe(latin.total)
  })

  it('a brand and a model fragment together: every page is that brand with that fragment, pages add up', async () => {
    const first = await search(`q=${encodeURIComponent('格力 35')}&pageSize=1`)
    expect(first.total).toBeGreaterThan(1)
    const ids = new Set<string>()
    for (let page = 1; page <= first.total; page++) {
      const res = await search(`q=${encodeURIComponent('格力 35')}&pageSize=1&page=${page}`)
      for (const p of res.items) {
        expect(p.brand).toBe('格力')
        expect(normalizeSearchText(p.model)).toContain('35')
        ids.add(p.id)
      }
    }
    expect(ids.size).toBe(first.total)
  })

  it('a two-character fragment of a model finds it in any brand, and only where the model holds it', async () => {
    const page = await search('q=gw&pageSize=100')
    expect(page.total).toBeGreaterThan(0)
    for (const p of page.items) expect(normalizeSearchText(`${p.brand}|${p.brandAlias ?? ''}|${p.model}`)).toContain('gw')
    expect(new Set(page.items.map(p => p.brand)).size).toBeGreaterThan(1)
    const withBrand = await search(`q=${encodeURIComponent('gw 格力')}&pageSize=1`)
    expect(withBrand.total).toBeGreaterThan(0)
    expect(withBrand.total).toBeLessThan(page.total)
  })

  it('filters by category, grade and price range, in fen', async () => {
    const page = await search('category=fridge&grade=1&minPriceFen=300000&maxPriceFen=900000&pageSize=100')
    expect(page.items.length).toBeGreaterThan(0)
    for (const p of page.items) {
      expect(p.categoryCode).toBe('fridge')
      expect(Math.min(p.energyGrade ?? 9, p.waterGrade ?? 9)).toBe(1)
      expect(p.filedPriceFen).toBeGreaterThanOrEqual(300000)
      expect(p.filedPriceFen).toBeLessThanOrEqual(900000)
    }
  })

  it('filters by brand name in either script', async () => {
    const a = await search(`brand=${encodeURIComponent('美的')}&pageSize=100`)
    const b = await search('brand=midea&pageSize=100')
    expect(a.total).toBeGreaterThan(0)
    expect(b.total).toBe(a.total)
  })

  it('event eligibility keeps only products the event would subsidise', async () => {
    const page = await search('event=appliance-2026&pageSize=100')
    expect(page.total).toBeGreaterThan(0)
    const appliance = new Set(['fridge', 'washer', 'tv', 'ac', 'computer', 'e-water-heater', 'range-hood', 'dishwasher', 'water-purifier', 'microwave', 'rice-cooker'])
    for (const p of page.items) {
      expect(appliance.has(p.categoryCode), p.categoryCode).toBe(true)
      expect(Math.min(p.energyGrade ?? 9, p.waterGrade ?? 9)).toBeLessThanOrEqual(2)
    }
    const grade3 = await search('event=appliance-2026&grade=3')
    expect(grade3.total).toBe(0)
    const anyGrade3 = await search('grade=3')
    expect(anyGrade3.total).toBeGreaterThan(0)
  })

  it('sorts by price both ways', async () => {
    const asc = await search('category=tv&sort=price_asc&pageSize=50')
    const desc = await search('category=tv&sort=price_desc&pageSize=50')
    const a = asc.items.map(p => p.filedPriceFen)
    expect(a).toEqual([...a].sort((x, y) => x - y))
    const d = desc.items.map(p => p.filedPriceFen)
    expect(d).toEqual([...d].sort((x, y) => y - x))
  })

  it('paginates consistently: pages are disjoint and add up to the total', async () => {
    const first = await search('category=ac&pageSize=5&page=1&sort=brand')
    const ids = new Set<string>()
    const pages = Math.ceil(first.total / 5)
    expect(pages).toBeGreaterThan(1)
    for (let page = 1; page <= pages; page++) {
      const res = await search(`category=ac&pageSize=5&page=${page}&sort=brand`)
      for (const p of res.items) ids.add(p.id)
    }
    expect(ids.size).toBe(first.total)
  })

  it('treats LIKE wildcards literally', async () => {
    const page = await search('q=%25')
    expect(page.total).toBe(0)
  })

  it('does not list retired products, but still shows one by id', async () => {
    const { buildDemoData } = await import('~~/server/db/seed/demo-data')
    const retired = buildDemoData(new Date()).products.find(p => p.retiredAt)
    expect(retired).toBeDefined()
    const listed = await search(`q=${encodeURIComponent(retired!.model)}&pageSize=100`)
    expect(listed.items.map(p => p.id)).not.toContain(retired!.id)
    const one = await api<ProductDetailDto>(`/api/v1/products/${retired!.id}`)
    expect(one.status).toBe(200)
    expect(one.body.retired).toBe(true)
  })

  it.each([
    ['sort=id', 'sort'],
    ['grade=6', 'grade'],
    ['pageSize=101', 'pageSize'],
    ['minPriceFen=12.5', 'minPriceFen'],
    ['minPriceFen=500&maxPriceFen=100', 'maxPriceFen'],
    ['color=red', ''],
  ])('refuses %s with 400 and the field', async (query, path) => {
    const res = await api<ErrorBody>(`/api/v1/products?${query}`)
    expect(res.status).toBe(400)
    expect(res.body.data.code).toBe('VALIDATION_FAILED')
    if (path) expect(res.body.data.issues?.map(i => i.path)).toContain(path)
  })

  it('404 for an unknown event filter', async () => {
    const res = await api<ErrorBody>('/api/v1/products?event=no-such-event')
    expect(res.status).toBe(404)
  })
})

describe('GET /api/v1/products/{id}', () => {
  it('shows what a grade-1 fridge would get in the current appliance event', async () => {
    const page = await search('q=BCD-470&category=fridge&grade=1')
    const fridge = page.items[0]!
    const res = await api<ProductDetailDto>(`/api/v1/products/${fridge.id}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: fridge.id, model: fridge.model, categoryCode: 'fridge' })
    const subsidy = res.body.subsidies.find(s => s.eventSlug === 'appliance-2026')
    expect(subsidy).toBeDefined()
    expect(subsidy!.eligible).toBe(true)
    expect(subsidy!.subsidyFen).toBe(Math.min(200000, Math.floor(fridge.filedPriceFen * 20 / 100)))
    expect(subsidy!.payableFen).toBe(fridge.filedPriceFen - subsidy!.subsidyFen)
  })

  it('400 for a malformed id, 404 for an unknown one', async () => {
    expect((await api('/api/v1/products/123')).status).toBe(400)
    const missing = await api<ErrorBody>('/api/v1/products/6f1c2b9a-1d2e-4f3a-8b4c-5d6e7f8a9b0c')
    expect(missing.status).toBe(404)
    expect(missing.body.data.code).toBe('NOT_FOUND')
  })
})

describe('GET /api/v1/subsidy-quote', () => {
  async function fridgeGrade1() {
    return (await search('category=fridge&grade=1&sort=price_desc')).items[0]!
  }

  it('quotes a product at a price: grade 1 at ¥4,000 → ¥800', async () => {
    const fridge = await fridgeGrade1()
    expect(fridge.filedPriceFen).toBeGreaterThanOrEqual(400000)
    const res = await api<SubsidyQuoteDto>(`/api/v1/subsidy-quote?event=appliance-2026&product=${fridge.id}&priceFen=400000`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ eligible: true, subsidyFen: 80000, payableFen: 320000 })
  })

  it('refuses a price above the filed price, with the reason', async () => {
    const fridge = await fridgeGrade1()
    const res = await api<SubsidyQuoteDto>(`/api/v1/subsidy-quote?event=appliance-2026&product=${fridge.id}&priceFen=${fridge.filedPriceFen + 1}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ eligible: false, subsidyFen: 0, reason: 'PRICE_ABOVE_FILED' })
  })

  it('the calculator: category and grade, capped at ¥2,000', async () => {
    const res = await api<SubsidyQuoteDto>('/api/v1/subsidy-quote?event=appliance-2026&category=ac&grade=1&priceFen=1500000')
    expect(res.body).toEqual({ eligible: true, subsidyFen: 200000, payableFen: 1300000 })
    const grade3 = await api<SubsidyQuoteDto>('/api/v1/subsidy-quote?event=appliance-2026&category=ac&grade=3&priceFen=400000')
    expect(grade3.body).toMatchObject({ eligible: false, reason: 'NOT_ELIGIBLE', payableFen: 400000 })
  })

  it('a category the event does not cover is not eligible', async () => {
    const res = await api<SubsidyQuoteDto>('/api/v1/subsidy-quote?event=appliance-2026&category=sofa&priceFen=400000')
    expect(res.body).toMatchObject({ eligible: false, reason: 'NOT_ELIGIBLE' })
  })

  it('digital price ceiling', async () => {
    const res = await api<SubsidyQuoteDto>('/api/v1/subsidy-quote?event=digital-2027&category=phone&priceFen=600001')
    expect(res.body).toMatchObject({ eligible: false, reason: 'PRICE_ABOVE_CEILING' })
  })

  it('400 without a product or category, 404 for an unknown event', async () => {
    expect((await api('/api/v1/subsidy-quote?event=appliance-2026&priceFen=1')).status).toBe(400)
    expect((await api('/api/v1/subsidy-quote?priceFen=1&category=fridge')).status).toBe(400)
    expect((await api('/api/v1/subsidy-quote?event=no-such&category=fridge&priceFen=1')).status).toBe(404)
  })
})
