import { describe, expect, it } from 'vitest'
import { chinaDayStart } from '#shared/domain/china-time'
import categoriesJson from '#shared/reference/categories.json'
import streetsJson from '#shared/reference/streets.json'
import { BRANDS } from '~~/server/db/seed/brands'
import { buildBulkProducts } from '~~/server/db/seed/bulk-products'
import type { DemoData } from '~~/server/db/seed/demo-data'
import {
  buildDemoData,
  CATEGORY_CODES_BY_KIND,
  DEMO_APPROVED_WAIHAI_APPLIANCE_MERCHANT_NAMES,
  DEMO_EVENT_SLUGS,
  DEMO_UNAPPROVED_MERCHANT_NAMES,
  kindOfCategory,
} from '~~/server/db/seed/demo-data'
import { isSeedUsccValid, seedUsccCheckChar } from '~~/server/db/seed/uscc'

// 2026-11-27 in China Standard Time, at 09:00, 15:30 and 23:30 local.
const MORNING = new Date('2026-11-27T01:00:00Z')
const AFTERNOON = new Date('2026-11-27T07:30:00Z')
const LATE_NIGHT = new Date('2026-11-27T15:30:00Z')
const NEXT_DAY = new Date('2026-11-27T16:00:00Z')
const NOW = AFTERNOON
const data: DemoData = buildDemoData(NOW)

const ALL_CATEGORY_CODES = categoriesJson.categories.map(c => c.code)
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const MOBILE = /^1[3-9]\d{9}$/
const GRADE_KEYS = ['1', '2', '3', '4', '5', 'none']

/** Independent GB 32100-2015 oracle, written from the standard, not shared with the seed. */
function gb32100Valid(code: string): boolean {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  if (code.length !== 18) return false
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = alphabet.indexOf(code.charAt(i))
    if (v < 0) return false
    sum += v * (weights[i] ?? 0)
  }
  return alphabet.charAt((31 - (sum % 31)) % 31) === code.charAt(17)
}

function ms(d: Date | null | undefined): number {
  if (!d) throw new Error('expected a date')
  return d.getTime()
}

function eventBySlug(slug: string) {
  const e = data.events.find(x => x.slug === slug)
  if (!e) throw new Error(`no event ${slug}`)
  return e
}

describe('buildDemoData — determinism', () => {
  it('gives identical data for any time of the same China calendar day', () => {
    const a = buildDemoData(MORNING)
    expect(buildDemoData(LATE_NIGHT)).toEqual(a)
    expect(buildDemoData(new Date('2026-11-26T16:00:00Z'))).toEqual(a) // 00:00 CST
    expect(buildDemoData(AFTERNOON)).toEqual(a)
  })

  it('moves the times on the next day but keeps the same rows and ids', () => {
    const today = buildDemoData(MORNING)
    const tomorrow = buildDemoData(NEXT_DAY)
    expect(tomorrow).not.toEqual(today)
    expect(tomorrow.products.map(p => [p.id, p.model])).toEqual(today.products.map(p => [p.id, p.model]))
    expect(tomorrow.merchants.map(m => [m.id, m.uscc, m.contactPhone])).toEqual(today.merchants.map(m => [m.id, m.uscc, m.contactPhone]))
    const a = today.events.find(e => e.slug === DEMO_EVENT_SLUGS.appliance)
    const b = tomorrow.events.find(e => e.slug === DEMO_EVENT_SLUGS.appliance)
    expect(ms(b?.startsAt) - ms(a?.startsAt)).toBe(86_400_000)
  })

  it('rounds to midnight in Asia/Shanghai', () => {
    expect(chinaDayStart(AFTERNOON).toISOString()).toBe('2026-11-26T16:00:00.000Z')
    expect(chinaDayStart(NEXT_DAY).toISOString()).toBe('2026-11-27T16:00:00.000Z')
  })
})

describe('buildDemoData — ids and counts', () => {
  it('has the promised amounts', () => {
    expect(data.products.length).toBeGreaterThanOrEqual(320)
    expect(data.merchants.length).toBeGreaterThanOrEqual(36)
    expect(data.events.length).toBeGreaterThanOrEqual(5)
    expect(data.promotions.length).toBeGreaterThanOrEqual(12)
  })

  it('uses unique RFC 4122 v4 UUIDs everywhere', () => {
    const ids = [...data.events, ...data.products, ...data.merchants, ...data.promotions, ...data.qualificationReleases].map(r => r.id)
    for (const id of ids) expect(id).toMatch(UUID_V4)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('references only rows of the data set', () => {
    const eventIds = new Set(data.events.map(e => e.id))
    const merchantIds = new Set(data.merchants.map(m => m.id))
    const promotionIds = new Set(data.promotions.map(p => p.id))
    for (const r of data.eventRules) expect(eventIds.has(r.eventId)).toBe(true)
    for (const r of data.qualificationReleases) expect(eventIds.has(r.eventId)).toBe(true)
    for (const r of data.merchantCategories) expect(merchantIds.has(r.merchantId)).toBe(true)
    for (const r of data.eventEnrolments) {
      expect(eventIds.has(r.eventId)).toBe(true)
      expect(merchantIds.has(r.merchantId)).toBe(true)
    }
    for (const r of data.promotions) {
      expect(eventIds.has(r.eventId)).toBe(true)
      expect(merchantIds.has(r.merchantId)).toBe(true)
    }
    for (const r of data.promotionCategories) expect(promotionIds.has(r.promotionId)).toBe(true)
    const codes = new Set(ALL_CATEGORY_CODES)
    for (const r of [...data.eventRules, ...data.qualificationReleases, ...data.products, ...data.merchantCategories, ...data.eventEnrolments, ...data.promotionCategories]) {
      expect(codes.has(r.categoryCode)).toBe(true)
    }
  })
})

describe('brands', () => {
  it('has unique names, Latin aliases only where the name is not Latin', () => {
    expect(BRANDS.length).toBeGreaterThanOrEqual(60)
    expect(new Set(BRANDS.map(b => b.name)).size).toBe(BRANDS.length)
    for (const b of BRANDS) {
      if (/^[\x20-\x7E]+$/.test(b.name)) expect(b.latinName).toBeNull()
      else expect(b.latinName).toMatch(/^[\x20-\x7E]+$/)
    }
  })
})

describe('buildDemoData — catalogue', () => {
  it('is unique on (category, brand, model) and covers every category', () => {
    const keys = data.products.map(p => `${p.categoryCode}|${p.brand}|${p.model}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const code of ALL_CATEGORY_CODES) expect(data.products.filter(p => p.categoryCode === code).length).toBeGreaterThanOrEqual(5)
  })

  it('uses dictionary brands with their Latin alias', () => {
    const latin = new Map(BRANDS.map(b => [b.name, b.latinName]))
    for (const p of data.products) {
      expect(latin.has(p.brand)).toBe(true)
      expect(p.brandAlias).toBe(latin.get(p.brand))
    }
  })

  it('has grades and labels only where a label exists', () => {
    const unlabelled = new Set([...CATEGORY_CODES_BY_KIND.home.filter(c => c !== 'sanitary-ware'), ...CATEGORY_CODES_BY_KIND.digital, ...CATEGORY_CODES_BY_KIND.car])
    const water = new Set(['washer', 'dishwasher', 'water-purifier', 'sanitary-ware', 'gas-water-heater'])
    for (const p of data.products) {
      if (unlabelled.has(p.categoryCode)) {
        expect([p.energyGrade, p.waterGrade, p.labelNo]).toEqual([null, null, null])
        continue
      }
      expect(p.labelNo).toMatch(/^CW?EL20\d{2}-(0[1-9]|1[0-2])-\d{7}$/)
      if (p.energyGrade !== null) expect(p.energyGrade).toBeGreaterThanOrEqual(1)
      if (p.energyGrade !== null) expect(p.energyGrade).toBeLessThanOrEqual(5)
      if (p.waterGrade !== null) expect(water.has(p.categoryCode)).toBe(true)
      expect(p.energyGrade !== null || p.waterGrade !== null).toBe(true)
    }
    const graded = data.products.filter(p => p.energyGrade !== null)
    const good = graded.filter(p => p.energyGrade === 1 || p.energyGrade === 2)
    expect(good.length / graded.length).toBeGreaterThan(0.7)
    expect(graded.some(p => p.energyGrade === 3)).toBe(true)
  })

  it('has realistic filed prices in fen', () => {
    const range: Record<string, [number, number]> = {
      'fridge': [2999, 12999],
      'ac': [2399, 8999],
      'tv': [1999, 19999],
      'phone': [1299, 9999],
      'nev': [99_800, 329_800],
      'fuel-car': [99_800, 329_800],
    }
    for (const p of data.products) {
      expect(Number.isSafeInteger(p.filedPriceFen)).toBe(true)
      expect(p.filedPriceFen).toBeGreaterThan(0)
      const r = range[p.categoryCode]
      if (r && p.retiredAt === null) {
        expect(p.filedPriceFen).toBeGreaterThanOrEqual(r[0] * 100)
        expect(p.filedPriceFen).toBeLessThanOrEqual(r[1] * 100)
      }
    }
  })

  it('holds the gas-appliance catalogue and the models tests look for', () => {
    const gasBrands = new Set(['万和', '万家乐', '华帝', '方太', '老板', '林内', '能率', 'A.O.史密斯', '美的', '海尔'])
    const gas = data.products.filter(p => p.categoryCode === 'gas-stove' || p.categoryCode === 'gas-water-heater')
    expect(gas.length).toBeGreaterThanOrEqual(60)
    for (const p of gas) expect(gasBrands.has(p.brand)).toBe(true)
    expect(new Set(gas.map(p => p.brand)).size).toBe(gasBrands.size)
    expect(data.products.some(p => p.categoryCode === 'fridge' && p.model.startsWith('BCD-470') && p.energyGrade === 1)).toBe(true)
    expect(data.products.some(p => p.categoryCode === 'ac' && p.brand === '格力' && p.model === 'KFR-35GW/NhAa1BAj' && p.energyGrade === 1)).toBe(true)
    const retired = data.products.filter(p => p.retiredAt !== null)
    expect(retired.length).toBe(1)
    expect(ms(retired[0]?.retiredAt)).toBeLessThan(NOW.getTime())
  })
})

describe('buildDemoData — events, rules, releases', () => {
  it('has one published event per kind, a draft, and the current / upcoming / ended buckets', () => {
    const published = data.events.filter(e => e.status === 'published')
    expect(new Set(published.map(e => e.kind))).toEqual(new Set(['appliance', 'gas', 'home', 'digital', 'car']))
    expect(data.events.some(e => e.status === 'draft')).toBe(true)
    const now = NOW.getTime()
    const current = published.filter(e => ms(e.startsAt) <= now && now < ms(e.endsAt))
    const upcoming = published.filter(e => ms(e.startsAt) > now)
    const ended = published.filter(e => ms(e.endsAt) <= now)
    expect(current.map(e => e.slug).sort()).toEqual([DEMO_EVENT_SLUGS.appliance, DEMO_EVENT_SLUGS.gas, DEMO_EVENT_SLUGS.home].sort())
    expect(upcoming.map(e => e.slug)).toEqual([DEMO_EVENT_SLUGS.digital])
    expect(ended.map(e => e.slug)).toEqual([DEMO_EVENT_SLUGS.carShow])
    expect(eventBySlug(DEMO_EVENT_SLUGS.appliance).titleZh).toBe('2026 邑齐焕新·家电以旧换新')
    expect(eventBySlug(DEMO_EVENT_SLUGS.appliance).budgetFen).toBe(3_000_000_000)
    expect(eventBySlug(DEMO_EVENT_SLUGS.carShow).startsAt.toISOString()).toBe('2026-09-30T16:00:00.000Z')
    for (const e of data.events) {
      expect(ms(e.endsAt)).toBeGreaterThan(ms(e.startsAt))
      expect(e.titleEn.length).toBeGreaterThan(0)
      expect(e.descriptionZh.length).toBeGreaterThan(20)
      expect(e.descriptionEn.length).toBeGreaterThan(20)
    }
  })

  it('keeps reserved + spent within the budget', () => {
    for (const e of data.events) {
      for (const v of [e.budgetFen, e.reservedFen, e.spentFen]) expect(Number.isSafeInteger(v) && v >= 0).toBe(true)
      expect(e.reservedFen + e.spentFen).toBeLessThanOrEqual(e.budgetFen)
    }
  })

  it('has a rule with valid keys for every category of each event kind', () => {
    for (const e of data.events) {
      const rules = data.eventRules.filter(r => r.eventId === e.id)
      expect(rules.map(r => r.categoryCode).sort()).toEqual([...CATEGORY_CODES_BY_KIND[e.kind]].sort())
      for (const r of rules) {
        expect(r.ratePctByGrade !== null || r.fixedFen !== null).toBe(true)
        for (const [k, v] of Object.entries(r.ratePctByGrade ?? {})) {
          expect(GRADE_KEYS).toContain(k)
          expect(v).toBeGreaterThan(0)
          expect(v).toBeLessThanOrEqual(100)
        }
        expect(r.perPersonLimit).toBeGreaterThanOrEqual(1)
      }
    }
    const appliance = eventBySlug(DEMO_EVENT_SLUGS.appliance)
    const ac = data.eventRules.find(r => r.eventId === appliance.id && r.categoryCode === 'ac')
    expect(ac).toMatchObject({ ratePctByGrade: { 1: 20, 2: 15 }, capFen: 200_000, perPersonLimit: 3, requiresTradeIn: true })
    const home = data.eventRules.find(r => r.eventId === eventBySlug(DEMO_EVENT_SLUGS.home).id && r.categoryCode === 'sofa')
    expect(home).toMatchObject({ ratePctByGrade: { 1: 20, 2: 15, none: 15 }, capFen: 200_000 })
    const phone = data.eventRules.find(r => r.eventId === eventBySlug(DEMO_EVENT_SLUGS.digital).id && r.categoryCode === 'phone')
    expect(phone).toMatchObject({ ratePctByGrade: { none: 15 }, capFen: 50_000, priceCeilingFen: 600_000 })
    const car = data.eventRules.filter(r => r.eventId === eventBySlug(DEMO_EVENT_SLUGS.carShow).id)
    expect(Object.fromEntries(car.map(r => [r.categoryCode, r.fixedFen]))).toEqual({ 'nev': 2_000_000, 'fuel-car': 1_500_000 })
  })

  it('releases daily at 10:00–22:00 China time within the quota', () => {
    const today10 = chinaDayStart(NOW).getTime() + 10 * 3_600_000
    for (const r of data.qualificationReleases) {
      // From a handful of cars a day to 150 phones.
      expect(r.quota).toBeGreaterThanOrEqual(5)
      expect(r.quota).toBeLessThanOrEqual(150)
      expect(r.claimed).toBeGreaterThanOrEqual(0)
      expect(r.claimed).toBeLessThanOrEqual(r.quota)
      expect(Math.abs((ms(r.opensAt) - today10) % 86_400_000)).toBe(0)
      expect(ms(r.closesAt) - ms(r.opensAt)).toBe(12 * 3_600_000)
      if (ms(r.opensAt) > NOW.getTime()) expect(r.claimed).toBe(0)
    }
    expect(data.qualificationReleases.some(r => r.claimed === r.quota && r.quota > 0)).toBe(true)
    for (const slug of [DEMO_EVENT_SLUGS.appliance, DEMO_EVENT_SLUGS.home, DEMO_EVENT_SLUGS.gas]) {
      const e = eventBySlug(slug)
      const releases = data.qualificationReleases.filter(r => r.eventId === e.id)
      for (const code of CATEGORY_CODES_BY_KIND[e.kind]) {
        const mine = releases.filter(r => r.categoryCode === code)
        expect(mine.some(r => ms(r.opensAt) === today10)).toBe(true)
        expect(mine.some(r => ms(r.opensAt) > NOW.getTime() + 12 * 3_600_000)).toBe(true)
        expect(mine.some(r => ms(r.closesAt) < NOW.getTime() && r.claimed > 0)).toBe(true)
      }
    }
    const draft = data.events.filter(e => e.status !== 'published').map(e => e.id)
    expect(data.qualificationReleases.some(r => draft.includes(r.eventId))).toBe(false)
    const car = eventBySlug(DEMO_EVENT_SLUGS.carShow)
    expect(data.qualificationReleases.filter(r => r.eventId === car.id).every(r => ms(r.closesAt) <= ms(car.endsAt))).toBe(true)
    const digital = eventBySlug(DEMO_EVENT_SLUGS.digital)
    const first = data.qualificationReleases.filter(r => r.eventId === digital.id)
    expect(first.length).toBeGreaterThan(0)
    expect(first.every(r => ms(r.opensAt) >= ms(digital.startsAt))).toBe(true)
  })
})

describe('buildDemoData — merchants', () => {
  it('covers every lifecycle state and all three streets', () => {
    const count = (s: string) => data.merchants.filter(m => m.status === s).length
    expect(count('approved')).toBeGreaterThanOrEqual(24)
    for (const s of ['draft', 'submitted', 'changes_requested', 'rejected', 'suspended']) expect(count(s)).toBeGreaterThanOrEqual(2)
    for (const street of ['jiangnan', 'waihai', 'lile']) {
      expect(data.merchants.some(m => m.street === street && m.status === 'approved')).toBe(true)
    }
  })

  it('places merchants within ~2 km of their street centre, at Jianghai addresses', () => {
    for (const m of data.merchants) {
      const s = streetsJson.streets.find(x => x.code === m.street)
      if (!s || m.lat === null || m.lng === null) throw new Error(`no position for ${m.name}`)
      const dy = (m.lat - s.approxLat) * 111.32
      const dx = (m.lng - s.approxLng) * 111.32 * Math.cos((s.approxLat * Math.PI) / 180)
      expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(2.0)
      expect(m.address).toMatch(/^(江门市)?江海区/)
      if (m.street !== 'jiangnan') expect(m.address).toContain(m.street === 'waihai' ? '外海街道' : '礼乐街道')
    }
  })

  it('has unique, valid GB 32100 codes registered in 江海区', () => {
    const codes = data.merchants.map(m => m.uscc)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) {
      expect(code).toMatch(/^9[12]440704[0-9A-HJ-NP-RTUWXY]{10}$/)
      expect(gb32100Valid(code)).toBe(true)
      expect(isSeedUsccValid(code)).toBe(true)
      expect(seedUsccCheckChar(code.slice(0, 17))).toBe(code.charAt(17))
    }
    // The oracle and the seed agree on published examples.
    for (const known of ['91350100M000100Y43', '91110000600037341L']) {
      expect(gb32100Valid(known)).toBe(true)
      expect(isSeedUsccValid(known)).toBe(true)
    }
  })

  it('has mainland mobiles, Jiangmen landlines and opening hours', () => {
    for (const m of data.merchants) {
      expect(m.contactPhone).toMatch(MOBILE)
      expect(m.storePhone).toMatch(/^(0750-3\d{6}|1[3-9]\d{9})$/)
      expect(m.openingHours).toMatch(/^\d{2}:\d{2}-\d{2}:\d{2}(,\d{2}:\d{2}-\d{2}:\d{2})*$/)
      expect(m.legalRep).toMatch(/^[\u4E00-\u9FFF]{2,4}$/)
    }
  })

  it('has timestamps and review reasons consistent with the status', () => {
    for (const m of data.merchants) {
      expect(ms(m.createdAt)).toBeLessThanOrEqual(ms(m.updatedAt))
      expect(ms(m.updatedAt)).toBeLessThanOrEqual(NOW.getTime())
      if (m.status === 'draft') expect(m.submittedAt).toBeNull()
      else expect(ms(m.submittedAt)).toBeGreaterThanOrEqual(ms(m.createdAt))
      if (m.status === 'approved' || m.status === 'suspended') expect(ms(m.approvedAt)).toBeGreaterThanOrEqual(ms(m.submittedAt))
      else expect(m.approvedAt).toBeNull()
      if (['rejected', 'changes_requested', 'suspended'].includes(m.status)) expect(m.reviewReason?.length ?? 0).toBeGreaterThan(10)
      else expect(m.reviewReason).toBeNull()
      if (m.pendingProfile) expect(m.status).toBe('approved')
    }
  })

  it('sells 1–6 categories per merchant', () => {
    for (const m of data.merchants) {
      const cats = data.merchantCategories.filter(c => c.merchantId === m.id)
      expect(cats.length).toBeGreaterThanOrEqual(1)
      expect(cats.length).toBeLessThanOrEqual(6)
    }
  })

  it('exports the names tests need, consistent with the data', () => {
    const approved = data.merchants.filter(m => m.status === 'approved').map(m => m.name)
    expect([...DEMO_UNAPPROVED_MERCHANT_NAMES].sort()).toEqual(data.merchants.filter(m => m.status !== 'approved').map(m => m.name).sort())
    for (const name of DEMO_UNAPPROVED_MERCHANT_NAMES) {
      for (const other of approved) {
        expect(other.includes(name)).toBe(false)
        expect(name.includes(other)).toBe(false)
      }
    }
    expect(DEMO_APPROVED_WAIHAI_APPLIANCE_MERCHANT_NAMES.length).toBeGreaterThanOrEqual(4)
    const appliance = eventBySlug(DEMO_EVENT_SLUGS.appliance)
    for (const name of DEMO_APPROVED_WAIHAI_APPLIANCE_MERCHANT_NAMES) {
      const m = data.merchants.find(x => x.name === name)
      expect(m).toMatchObject({ status: 'approved', street: 'waihai' })
      const enrolled = data.eventEnrolments.filter(e => e.merchantId === m?.id && e.eventId === appliance.id)
      expect(enrolled.length).toBeGreaterThan(0)
      for (const e of enrolled) expect(kindOfCategory(e.categoryCode)).toBe('appliance')
    }
  })

  it('enrols only approved (or since suspended) merchants in published events, for their own categories', () => {
    const byId = new Map(data.merchants.map(m => [m.id, m]))
    const events = new Map(data.events.map(e => [e.id, e]))
    for (const e of data.eventEnrolments) {
      const m = byId.get(e.merchantId)
      const ev = events.get(e.eventId)
      expect(['approved', 'suspended']).toContain(m?.status)
      expect(ev?.status).toBe('published')
      expect(data.merchantCategories.some(c => c.merchantId === e.merchantId && c.categoryCode === e.categoryCode)).toBe(true)
      expect(kindOfCategory(e.categoryCode)).toBe(ev?.kind)
      expect(ms(e.createdAt)).toBeGreaterThanOrEqual(ms(m?.approvedAt))
    }
    expect(data.eventEnrolments.some(e => byId.get(e.merchantId)?.status === 'suspended')).toBe(true)
  })
})

describe('buildDemoData — promotions', () => {
  it('belong to approved merchants, within their categories and the event kind', () => {
    const byId = new Map(data.merchants.map(m => [m.id, m]))
    const events = new Map(data.events.map(e => [e.id, e]))
    for (const p of data.promotions) {
      expect(byId.get(p.merchantId)?.status).toBe('approved')
      const cats = data.promotionCategories.filter(c => c.promotionId === p.id).map(c => c.categoryCode)
      expect(cats.length).toBeGreaterThan(0)
      const ev = events.get(p.eventId)
      for (const c of cats) {
        expect(data.merchantCategories.some(mc => mc.merchantId === p.merchantId && mc.categoryCode === c)).toBe(true)
        expect(kindOfCategory(c)).toBe(ev?.kind)
      }
      expect(ms(p.endsAt)).toBeGreaterThan(ms(p.startsAt))
      expect(ms(p.startsAt)).toBeGreaterThanOrEqual(ms(ev?.startsAt))
      expect(ms(p.endsAt)).toBeLessThanOrEqual(ms(ev?.endsAt))
      if (p.kind === 'free_charger') expect(ev?.kind).toBe('car')
      if (p.status === 'rejected') expect(p.reviewReason?.length ?? 0).toBeGreaterThan(10)
    }
  })

  it('covers the statuses and kinds a reviewer meets', () => {
    const now = NOW.getTime()
    const statuses = new Set<string>(data.promotions.map(p => p.status))
    for (const s of ['approved', 'submitted', 'rejected', 'ended']) expect(statuses.has(s)).toBe(true)
    expect(new Set(data.promotions.map(p => p.kind))).toEqual(new Set(['extra_discount', 'gift', 'free_installation', 'free_pickup', 'free_charger']))
    const approvedCurrent = data.promotions.filter(p => p.status === 'approved' && ms(p.startsAt) <= now && now < ms(p.endsAt))
    expect(approvedCurrent.length).toBeGreaterThanOrEqual(8)
    expect(data.promotions.some(p => p.status === 'approved' && ms(p.endsAt) < now)).toBe(true)
  })
})

describe('buildDemoData — on other days', () => {
  // Before the car show ended, in its week, and long after: the invariants hold whatever the clock says.
  for (const iso of ['2026-06-01T04:00:00Z', '2026-10-05T04:00:00Z', '2027-03-15T04:00:00Z', '2028-01-20T12:00:00Z']) {
    it(`holds on ${iso}`, () => {
      const now = new Date(iso)
      const d = buildDemoData(now)
      const t = now.getTime()
      const published = d.events.filter(e => e.status === 'published')
      expect(published.filter(e => ms(e.startsAt) <= t && t < ms(e.endsAt)).length).toBeGreaterThanOrEqual(3)
      expect(published.some(e => ms(e.startsAt) > t)).toBe(true)
      expect(published.some(e => ms(e.endsAt) <= t && e.slug === DEMO_EVENT_SLUGS.carShow)).toBe(true)
      for (const e of d.events) expect(e.reservedFen + e.spentFen).toBeLessThanOrEqual(e.budgetFen)
      const approvedAt = new Map(d.merchants.map(m => [m.id, m.approvedAt]))
      for (const e of d.eventEnrolments) expect(ms(e.createdAt)).toBeGreaterThanOrEqual(ms(approvedAt.get(e.merchantId)))
      for (const m of d.merchants) {
        expect(ms(m.updatedAt)).toBeLessThanOrEqual(t)
        if (m.submittedAt) expect(ms(m.submittedAt)).toBeGreaterThanOrEqual(ms(m.createdAt))
        if (m.approvedAt) expect(ms(m.approvedAt)).toBeGreaterThanOrEqual(ms(m.submittedAt))
      }
      const car = d.events.find(e => e.slug === DEMO_EVENT_SLUGS.carShow)
      const carEnrolments = d.eventEnrolments.filter(e => e.eventId === car?.id)
      expect(carEnrolments.length).toBeGreaterThan(0)
      for (const e of carEnrolments) expect(ms(e.createdAt)).toBeLessThan(ms(car?.startsAt))
      for (const p of d.promotions) expect(ms(p.createdAt)).toBeLessThanOrEqual(ms(p.updatedAt))
    })
  }
})

describe('buildBulkProducts', () => {
  const bulk = buildBulkProducts(20_000)

  it('makes 20,000 unique, valid products that do not clash with the demo catalogue', () => {
    expect(bulk.length).toBe(20_000)
    const keys = new Set(bulk.map(p => `${p.categoryCode}|${p.brand}|${p.model}`))
    expect(keys.size).toBe(20_000)
    for (const p of data.products) expect(keys.has(`${p.categoryCode}|${p.brand}|${p.model}`)).toBe(false)
    const codes = new Set(ALL_CATEGORY_CODES)
    const ids = new Set<string>()
    for (const p of bulk) {
      expect(codes.has(p.categoryCode)).toBe(true)
      expect(Number.isSafeInteger(p.filedPriceFen) && p.filedPriceFen > 0 && p.filedPriceFen < 2 ** 31).toBe(true)
      for (const g of [p.energyGrade, p.waterGrade]) if (g !== null && g !== undefined) expect(g >= 1 && g <= 5).toBe(true)
      if (p.id) ids.add(p.id)
    }
    expect(ids.size).toBe(20_000)
    expect(new Set(bulk.map(p => p.categoryCode)).size).toBe(ALL_CATEGORY_CODES.length)
  })

  it('is deterministic for a seed', () => {
    expect(buildBulkProducts(500, 7)).toEqual(buildBulkProducts(500, 7))
    expect(buildBulkProducts(500, 7)).not.toEqual(buildBulkProducts(500, 8))
  })
})
