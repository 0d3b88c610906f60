/**
 * The demo data set a newcomer sees on `npm start` (PRODUCT.md "Demo data"): events of every kind, their
 * rules and daily qualification releases, a catalogue of ≥ 320 products, ≥ 36 merchants in every
 * lifecycle state across the three streets, enrolments and promotions.
 *
 * buildDemoData(now) is pure and deterministic: every random choice comes from a seeded PRNG, and times are
 * derived from the calendar day of `now` in China Standard Time (UTC+8), so the same day always gives the
 * same rows (and the same UUIDs, on any day).
 */
import categoriesJson from '#shared/reference/categories.json'
import streetsJson from '#shared/reference/streets.json'
import subsidyDefaults from '#shared/reference/subsidy-defaults.json'
import type {
  eventEnrolments,
  eventRules,
  events,
  merchantCategories,
  merchants,
  promotionCategories,
  promotions,
  qualificationReleases,
} from '~~/server/db/schema'
import { chinaDayStart, chinaWallTime, DAY_MS } from '#shared/domain/china-time'
import type { ProductDto } from '#shared/types/public'
import { brandAliasOf } from './brands'
import { buildDemoActivity, type DemoActivity } from './demo-activity'
import type { CategoryCatalogue, ProductInsert } from './catalogue-styles'
import { CATALOGUE, draftProduct, labelFields, productKey } from './catalogue-styles'
import type { Rng } from './prng'
import { digits, int, pick, rngFor, uuidFrom } from './prng'
import { seedUsccCheckChar } from './uscc'
import type { MerchantPendingProfile } from '#shared/types/merchants'

// ---------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------

/** T with the keys K present (possibly null) rather than optional. */
type With<T, K extends keyof T> = T & { [P in K]-?: Exclude<T[P], undefined> }

export type EventKind = 'appliance' | 'gas' | 'home' | 'digital' | 'car'
export type StreetCode = 'jiangnan' | 'waihai' | 'lile'
export type MerchantStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'changes_requested' | 'suspended'
export type PromotionKind = 'extra_discount' | 'gift' | 'free_installation' | 'free_pickup' | 'free_charger'
export type PromotionStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'ended'

export type DemoProduct = With<ProductInsert, 'id' | 'brandAlias' | 'energyGrade' | 'waterGrade' | 'labelNo' | 'retiredAt' | 'createdAt'>
export type DemoEvent = With<typeof events.$inferInsert, 'id' | 'status' | 'descriptionZh' | 'descriptionEn' | 'reservedFen' | 'spentFen' | 'createdAt' | 'updatedAt'>
export type DemoEventRule = With<typeof eventRules.$inferInsert, 'ratePctByGrade' | 'capFen' | 'fixedFen' | 'perPersonLimit' | 'priceCeilingFen' | 'requiresTradeIn'>
export type DemoRelease = With<typeof qualificationReleases.$inferInsert, 'id' | 'claimed' | 'createdAt'>
export type DemoMerchant = With<typeof merchants.$inferInsert, 'id' | 'ownerUserId' | 'status' | 'lat' | 'lng' | 'reviewReason' | 'pendingProfile' | 'submittedAt' | 'approvedAt' | 'createdAt' | 'updatedAt'>
export type DemoMerchantCategory = typeof merchantCategories.$inferInsert
export type DemoEnrolment = With<typeof eventEnrolments.$inferInsert, 'createdAt'>
export type DemoPromotion = With<typeof promotions.$inferInsert, 'id' | 'status' | 'description' | 'reviewReason' | 'createdAt' | 'updatedAt'>
export type DemoPromotionCategory = typeof promotionCategories.$inferInsert

export interface DemoData {
  /** Residents, qualifications and sales (demo-activity.ts). */
  activity: DemoActivity
  events: DemoEvent[]
  eventRules: DemoEventRule[]
  qualificationReleases: DemoRelease[]
  products: DemoProduct[]
  merchants: DemoMerchant[]
  merchantCategories: DemoMerchantCategory[]
  eventEnrolments: DemoEnrolment[]
  promotions: DemoPromotion[]
  promotionCategories: DemoPromotionCategory[]
}

// ---------------------------------------------------------------------------------------------------------
// Reference data and small helpers
// ---------------------------------------------------------------------------------------------------------

const EVENT_KINDS: readonly EventKind[] = ['appliance', 'gas', 'home', 'digital', 'car']

function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value)
}

/** Category codes of categories.json by event kind, in file order. */
export const CATEGORY_CODES_BY_KIND: Readonly<Record<EventKind, readonly string[]>> = (() => {
  const out: Record<EventKind, string[]> = { appliance: [], gas: [], home: [], digital: [], car: [] }
  for (const c of categoriesJson.categories) {
    if (!isEventKind(c.kind)) throw new Error(`categories.json: unknown kind ${c.kind}`)
    out[c.kind].push(c.code)
  }
  return out
})()

const KIND_OF_CATEGORY: ReadonlyMap<string, EventKind> = new Map(
  EVENT_KINDS.flatMap(kind => CATEGORY_CODES_BY_KIND[kind].map(code => [code, kind] as const)),
)

export function kindOfCategory(code: string): EventKind {
  const kind = KIND_OF_CATEGORY.get(code)
  if (kind === undefined) throw new Error(`unknown category ${code}`)
  return kind
}

/** A stable UUID for a named demo row. */
function idOf(label: string): string {
  return uuidFrom(rngFor(`jianghai-demo:${label}`))
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b
}

// ---------------------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------------------

interface AnchorProduct {
  categoryCode: string
  brand: string
  model: string
  grade: number | null
  priceYuan: number
  retired?: true
}

/** Well-known models that pages, tests and the README refer to by name. */
const ANCHOR_PRODUCTS: readonly AnchorProduct[] = [
  { categoryCode: 'fridge', brand: '海尔', model: 'BCD-470WGHTDE9S9', grade: 1, priceYuan: 5999 },
  { categoryCode: 'fridge', brand: '容声', model: 'BCD-509WD18HP', grade: 1, priceYuan: 4499 },
  { categoryCode: 'fridge', brand: '海尔统帅', model: 'BCD-218WLDPC', grade: 3, priceYuan: 2199, retired: true },
  { categoryCode: 'washer', brand: '小天鹅', model: 'TG100VT86WMAD5', grade: 1, priceYuan: 3999 },
  { categoryCode: 'tv', brand: '海信', model: '65E5N', grade: 1, priceYuan: 4699 },
  { categoryCode: 'tv', brand: 'TCL', model: '75Q10K', grade: 1, priceYuan: 9999 },
  { categoryCode: 'ac', brand: '格力', model: 'KFR-35GW/NhAa1BAj', grade: 1, priceYuan: 3299 },
  { categoryCode: 'ac', brand: '格力', model: 'KFR-26GW/(26530)FNhAa-B1', grade: 1, priceYuan: 2799 },
  { categoryCode: 'ac', brand: '美的', model: 'KFR-35GW/N8XHC1', grade: 1, priceYuan: 2899 },
  { categoryCode: 'gas-stove', brand: '华帝', model: 'JZT-i10052A', grade: 1, priceYuan: 2199 },
  { categoryCode: 'gas-water-heater', brand: '万和', model: 'JSQ30-16ST39', grade: 1, priceYuan: 2699 },
  { categoryCode: 'gas-water-heater', brand: '林内', model: 'JSQ32-GD31', grade: 1, priceYuan: 5299 },
  { categoryCode: 'phone', brand: '华为', model: 'Mate 70', grade: null, priceYuan: 5499 },
  { categoryCode: 'phone', brand: '苹果', model: 'iPhone 16', grade: null, priceYuan: 5999 },
]

/** A demo product as the public API shows it. */
type CatalogueProduct = ProductDto

function catalogueOf(code: string): CategoryCatalogue {
  const cat = CATALOGUE.find(c => c.code === code)
  if (!cat) throw new Error(`no catalogue for ${code}`)
  return cat
}

/**
 * The demo catalogue without timestamps (it does not depend on the day): anchors first, then each
 * category's brands in turn in proportion to their weights.
 */
export function buildDemoCatalogue(): CatalogueProduct[] {
  const out: CatalogueProduct[] = []
  const seen = new Set<string>()
  const labelRng = rngFor('jianghai-demo:anchor-labels')
  for (const a of ANCHOR_PRODUCTS) {
    const cat = catalogueOf(a.categoryCode)
    const key = productKey(a)
    if (seen.has(key)) throw new Error(`duplicate anchor ${key}`)
    seen.add(key)
    const labels = a.grade === null ? { energyGrade: null, waterGrade: null, labelNo: null } : labelFields(labelRng, cat, a.grade)
    out.push({
      id: idOf(`product:${key}`),
      brand: a.brand,
      brandAlias: brandAliasOf(a.brand),
      model: a.model,
      categoryCode: a.categoryCode,
      ...labels,
      filedPriceFen: a.priceYuan * 100,
      retired: a.retired === true,
    })
  }
  for (const cat of CATALOGUE) {
    const r = rngFor(`jianghai-demo:products:${cat.code}`)
    const turns = cat.lines.flatMap(line => Array.from({ length: line.weight }, () => line))
    const anchors = ANCHOR_PRODUCTS.filter(a => a.categoryCode === cat.code).length
    for (let i = 0; i < cat.demoCount - anchors; i++) {
      const line = turns[i % turns.length]
      if (!line) throw new Error(`no product lines for ${cat.code}`)
      let made = false
      for (let attempt = 0; attempt < 50 && !made; attempt++) {
        const draft = draftProduct(r, cat, line)
        const key = productKey(draft)
        if (seen.has(key)) continue
        seen.add(key)
        out.push({
          id: idOf(`product:${key}`),
          brand: draft.brand,
          brandAlias: draft.brandAlias,
          model: draft.model,
          categoryCode: draft.categoryCode,
          energyGrade: draft.energyGrade,
          waterGrade: draft.waterGrade,
          labelNo: draft.labelNo,
          filedPriceFen: draft.filedPriceFen,
          retired: false,
        })
        made = true
      }
      if (!made) throw new Error(`could not make a unique ${cat.code} model for ${line.brand}`)
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// Events, rules, releases
// ---------------------------------------------------------------------------------------------------------

interface EventPlan {
  slug: string
  kind: EventKind
  status: 'draft' | 'published'
  titleZh: string
  titleEn: string
  descriptionZh: string
  descriptionEn: string
  startsAt: Date
  endsAt: Date
  budgetFen: number
  /** Days (relative to the start) on which qualifications are released; see buildReleases. */
  releases: 'rolling' | 'first-days' | 'whole-event' | 'none'
}

export const DEMO_EVENT_SLUGS = {
  appliance: 'appliance-2026',
  home: 'home-2026',
  gas: 'gas-2026',
  digital: 'digital-2027',
  carShow: 'car-show-2026',
  draft: 'appliance-2027-spring',
} as const

const YUAN = 100

function planEvents(day: (offset: number, h?: number, m?: number, s?: number) => Date, today: number): EventPlan[] {
  // The National Day car show ran 1–7 October 2026; on a clock set before it ended, it moves back so that it
  // is still over.
  let carStart = chinaWallTime(2026, 10, 1)
  let carEnd = chinaWallTime(2026, 10, 7, 23, 59, 59)
  if (carEnd.getTime() >= today) {
    carStart = day(-40)
    carEnd = day(-34, 23, 59, 59)
  }
  return [
    {
      slug: DEMO_EVENT_SLUGS.appliance,
      kind: 'appliance',
      status: 'published',
      titleZh: '2026 邑齐焕新·家电以旧换新',
      titleEn: '2026 Yiqi Renewal: Trade In Your Old Home Appliance',
      descriptionZh: '买新冰箱、洗衣机、电视、空调、热水器、油烟机等 11 类家电，交旧换新就能领政府补贴：'
        + '一级能效补成交价的 20%，二级能效补 15%，每件最多补 2000 元。每人每类补 1 件，空调每人最多 3 台。\n'
        + '怎么参加：先在本平台实名领取补贴资格（每天上午 10 点放号，先到先得），3 天内带上旧家电（或约商家上门收旧）'
        + '到江海区参加活动的商家购买，结账时补贴直接减掉，不用自己再去申请。',
      descriptionEn: 'Buy a new fridge, washing machine, TV, air conditioner, water heater, range hood or another of '
        + '11 kinds of home appliance, hand in your old one, and the government pays part of the price. Energy grade 1 '
        + '(the best) gets 20% off, grade 2 gets 15% off, up to 2,000 yuan per item. One item per person for each kind; '
        + 'air conditioners up to 3.\nHow: claim your subsidy on this site with your real name (new places every day at '
        + '10:00, first come, first served). Within 3 days, take your old appliance (or ask the shop to collect it) to a '
        + 'taking-part shop in Jianghai. The subsidy comes straight off the bill; there is nothing else to apply for.',
      startsAt: day(-60),
      endsAt: day(90, 23, 59, 59),
      budgetFen: 30_000_000 * YUAN,
      releases: 'rolling',
    },
    {
      slug: DEMO_EVENT_SLUGS.home,
      kind: 'home',
      status: 'published',
      titleZh: '2026 邑齐焕新·家居家装焕新',
      titleEn: '2026 Yiqi Renewal: Refresh Your Home',
      descriptionZh: '换床垫、沙发、橱柜、马桶花洒等卫浴洁具、智能门锁，或给家里做适老化改造（装扶手、防滑、助浴椅等），'
        + '都能领补贴：按成交价补 15%，一级水效或能效的产品补 20%，每件最多补 2000 元。不用交旧家具也能参加。\n'
        + '先在本平台领取补贴资格，再到参加活动的家居门店购买，结账时直接减免。',
      descriptionEn: 'Get money off a new mattress, sofa, kitchen cabinets, toilet, shower or other bathroom fittings, '
        + 'a smart door lock, or changes that make a home safer for older people (grab bars, non-slip floors, shower '
        + 'chairs). You get 15% of the price, or 20% for products with a grade-1 water or energy label, up to 2,000 yuan '
        + 'per item. You do not need to hand in old furniture.\nClaim your subsidy on this site first, then buy at a '
        + 'taking-part home store; the money comes off at the till.',
      startsAt: day(-45),
      endsAt: day(75, 23, 59, 59),
      budgetFen: 10_000_000 * YUAN,
      releases: 'rolling',
    },
    {
      slug: DEMO_EVENT_SLUGS.gas,
      kind: 'gas',
      status: 'published',
      titleZh: '2026 燃气具以旧换新',
      titleEn: '2026 Trade In Your Old Gas Stove or Gas Water Heater',
      descriptionZh: '燃气热水器用满 8 年、燃气灶用久了容易漏气，存在安全隐患。交旧换新领补贴：一级能效补成交价的 20%，'
        + '二级能效补 15%，每件最多补 2000 元。只限《燃气灶具及燃气热水器以旧换新产品目录指引》里的产品。\n'
        + '先在本平台领取补贴资格，再到参加活动的燃气具商家购买，商家上门安装新机、拆走旧机。',
      descriptionEn: 'A gas water heater more than 8 years old, or a worn gas stove, can leak and is a safety risk. Hand '
        + 'in the old one and get money off a new one: energy grade 1 gets 20% off, grade 2 gets 15% off, up to 2,000 '
        + 'yuan per item. Only products in the gas stove and gas water heater trade-in catalogue qualify.\nClaim your '
        + 'subsidy on this site, then buy at a taking-part shop; they fit the new one and take the old one away.',
      startsAt: day(-30),
      endsAt: day(120, 23, 59, 59),
      budgetFen: 5_000_000 * YUAN,
      releases: 'rolling',
    },
    {
      slug: DEMO_EVENT_SLUGS.digital,
      kind: 'digital',
      status: 'published',
      titleZh: '2027 邑齐焕新·数码产品购新补贴',
      titleEn: '2027 Yiqi Renewal: Money Off a New Phone, Tablet or Smartwatch',
      descriptionZh: '买新手机、平板电脑、智能手表或手环，单件价格不超过 6000 元的，补成交价的 15%，每件最多补 500 元。'
        + '不用交旧机。每人每类补 1 件。\n活动还没开始，开始前可以先实名认证，开放后每天上午 10 点放号。',
      descriptionEn: 'Buy a new mobile phone, tablet, smartwatch or fitness band costing 6,000 yuan or less and get 15% '
        + 'of the price off, up to 500 yuan per item. You do not need to hand in an old one. One item per person for '
        + 'each kind.\nThis event has not started yet. You can verify your real name now; once it opens, new places are '
        + 'released every day at 10:00.',
      startsAt: day(10),
      endsAt: day(100, 23, 59, 59),
      budgetFen: 6_000_000 * YUAN,
      releases: 'first-days',
    },
    {
      slug: DEMO_EVENT_SLUGS.carShow,
      kind: 'car',
      status: 'published',
      titleZh: '2026 国庆江海车展·汽车以旧换新',
      titleEn: '2026 National Day Car Show: Scrap Your Old Car, Get Money Off a New One',
      descriptionZh: '10 月 1 日至 7 日国庆车展期间，把旧车报废并买一辆新车：买新能源车补 2 万元，买燃油车补 1.5 万元。'
        + '每人限 1 辆，需提供旧车报废证明。\n本活动已经结束，感谢参与。',
      descriptionEn: 'During the National Day car show, 1 to 7 October, people who scrapped their old car and bought '
        + 'a new one got 20,000 yuan off a new-energy car or 15,000 yuan off a petrol car. One car per person; the '
        + 'scrapping certificate was needed.\nThis event has ended. Thank you for taking part.',
      startsAt: carStart,
      endsAt: carEnd,
      budgetFen: 5_000_000 * YUAN,
      releases: 'whole-event',
    },
    {
      slug: DEMO_EVENT_SLUGS.draft,
      kind: 'appliance',
      status: 'draft',
      titleZh: '2027 春季家电焕新（筹备中）',
      titleEn: '2027 Spring Appliance Renewal (in preparation)',
      descriptionZh: '草稿：规则和预算待区经济促进局确认后发布。',
      descriptionEn: 'Draft: rules and budget to be confirmed by the district bureau before publishing.',
      startsAt: day(120),
      endsAt: day(210, 23, 59, 59),
      budgetFen: 20_000_000 * YUAN,
      releases: 'none',
    },
  ]
}

/** The default rule of a category (subsidy-defaults.json); every value can be edited per event. */
export function defaultRule(kind: EventKind, categoryCode: string): Omit<DemoEventRule, 'eventId' | 'categoryCode'> {
  switch (kind) {
    case 'appliance': {
      const d = subsidyDefaults.appliance
      const byCategory: Record<string, number | undefined> = d.perPersonLimitByCategory
      return { ratePctByGrade: { ...d.ratePctByGrade }, capFen: d.capFen, fixedFen: null, perPersonLimit: byCategory[categoryCode] ?? d.perPersonLimit, priceCeilingFen: d.priceCeilingFen, requiresTradeIn: d.requiresTradeIn }
    }
    case 'gas': {
      const d = subsidyDefaults.gas
      return { ratePctByGrade: { ...d.ratePctByGrade }, capFen: d.capFen, fixedFen: null, perPersonLimit: d.perPersonLimit, priceCeilingFen: d.priceCeilingFen, requiresTradeIn: d.requiresTradeIn }
    }
    case 'home': {
      const d = subsidyDefaults.home
      return { ratePctByGrade: { ...d.ratePctByGrade }, capFen: d.capFen, fixedFen: null, perPersonLimit: d.perPersonLimit, priceCeilingFen: d.priceCeilingFen, requiresTradeIn: d.requiresTradeIn }
    }
    case 'digital': {
      const d = subsidyDefaults.digital
      return { ratePctByGrade: { ...d.ratePctByGrade }, capFen: d.capFen, fixedFen: null, perPersonLimit: d.perPersonLimit, priceCeilingFen: d.priceCeilingFen, requiresTradeIn: d.requiresTradeIn }
    }
    case 'car': {
      const d = subsidyDefaults.car
      const fixed: Record<string, number | undefined> = d.fixedFenByCategory
      const fixedFen = fixed[categoryCode]
      if (fixedFen === undefined) throw new Error(`no fixed car subsidy for ${categoryCode}`)
      return { ratePctByGrade: null, capFen: null, fixedFen, perPersonLimit: d.perPersonLimit, priceCeilingFen: null, requiresTradeIn: d.requiresTradeIn }
    }
  }
}

/** Qualifications released per day and category. */
const DAILY_QUOTA: Readonly<Record<string, number>> = {
  'fridge': 80,
  'washer': 80,
  'tv': 80,
  'ac': 120,
  'computer': 30,
  'e-water-heater': 40,
  'range-hood': 30,
  'dishwasher': 20,
  'water-purifier': 20,
  'microwave': 15,
  'rice-cooker': 15,
  'gas-stove': 40,
  'gas-water-heater': 50,
  'mattress': 30,
  'sofa': 25,
  'kitchen-cabinet': 12,
  'sanitary-ware': 25,
  'smart-lock': 30,
  'aging-retrofit': 15,
  'phone': 150,
  'tablet': 60,
  'smartwatch': 60,
  'nev': 10,
  'fuel-car': 6,
}

// ---------------------------------------------------------------------------------------------------------
// Merchants
// ---------------------------------------------------------------------------------------------------------

interface MerchantSpec {
  key: string
  name: string
  status: MerchantStatus
  street: StreetCode
  address: string
  legalRep: string
  categories: readonly string[]
  /** USCC positions 1–2: 91 company, 92 individual business (个体工商户). */
  entity: '91' | '92'
  openingHours: string
  storePhone: 'landline' | 'mobile'
  reviewReason?: string
  createdDaysAgo: number
  submittedDaysAgo?: number
  /** Approved (and, for suspended merchants, since suspended). */
  approvedDaysAgo?: number
  /** Days since the last staff action (review, suspension). */
  updatedDaysAgo?: number
  /** Categories an approved merchant did not enrol in. */
  notEnrolled?: readonly string[]
  /** A legal-field change waiting for review (the live listing stays as approved). */
  pendingAddress?: string
  /** Count the days back from the start of the car show instead of from today (car dealers joined for it). */
  beforeCarShow?: true
}

const MERCHANT_SPECS: readonly MerchantSpec[] = [
  // — approved —
  { key: 'suning', name: '苏宁易购江海店', status: 'approved', street: 'jiangnan', address: '江门市江海区江海二路 9 号 1-2 层', legalRep: '陈志强', categories: ['fridge', 'washer', 'tv', 'ac', 'computer', 'dishwasher'], entity: '91', openingHours: '09:30-22:00', storePhone: 'landline', createdDaysAgo: 260, submittedDaysAgo: 255, approvedDaysAgo: 250, notEnrolled: ['computer'] },
  { key: 'gome-waihai', name: '国美电器外海店', status: 'approved', street: 'waihai', address: '江门市江海区外海街道金溪路 28 号', legalRep: '李伟明', categories: ['fridge', 'washer', 'tv', 'ac', 'e-water-heater', 'range-hood'], entity: '91', openingHours: '09:00-21:30', storePhone: 'landline', createdDaysAgo: 240, submittedDaysAgo: 236, approvedDaysAgo: 231 },
  { key: 'gree-lile', name: '格力专卖店(礼乐)', status: 'approved', street: 'lile', address: '江门市江海区礼乐街道文昌路 12 号', legalRep: '黄丽华', categories: ['ac'], entity: '92', openingHours: '08:30-20:30', storePhone: 'landline', createdDaysAgo: 200, submittedDaysAgo: 198, approvedDaysAgo: 190 },
  { key: 'gree-waihai', name: '格力专卖店(外海金溪)', status: 'approved', street: 'waihai', address: '江门市江海区外海街道金溪社区金溪路 86 号', legalRep: '梁家豪', categories: ['ac'], entity: '92', openingHours: '08:30-20:30', storePhone: 'mobile', createdDaysAgo: 180, submittedDaysAgo: 178, approvedDaysAgo: 172 },
  { key: 'midea-waihai', name: '美的智慧家(外海店)', status: 'approved', street: 'waihai', address: '江门市江海区外海街道外海大道 152 号', legalRep: '吴永红', categories: ['ac', 'fridge', 'washer', 'dishwasher', 'rice-cooker', 'microwave'], entity: '91', openingHours: '09:00-21:00', storePhone: 'landline', createdDaysAgo: 170, submittedDaysAgo: 168, approvedDaysAgo: 160 },
  { key: 'haier-jiangnan', name: '海尔智家体验店(江海二路)', status: 'approved', street: 'jiangnan', address: '江门市江海区江海二路 63 号首层', legalRep: '林晓东', categories: ['fridge', 'washer', 'ac', 'e-water-heater', 'dishwasher'], entity: '91', openingHours: '09:00-21:00', storePhone: 'landline', createdDaysAgo: 165, submittedDaysAgo: 160, approvedDaysAgo: 155 },
  { key: 'hisense-waihai', name: '海信电器专卖店(外海)', status: 'approved', street: 'waihai', address: '江门市江海区外海街道墟镇社区直冲路 7 号', legalRep: '谭国良', categories: ['tv', 'fridge', 'ac'], entity: '92', openingHours: '09:00-21:00', storePhone: 'mobile', createdDaysAgo: 150, submittedDaysAgo: 149, approvedDaysAgo: 140 },
  { key: 'skyworth', name: '创维电视江南专营店', status: 'approved', street: 'jiangnan', address: '江门市江海区东海路 38 号', legalRep: '冯建华', categories: ['tv'], entity: '92', openingHours: '09:30-21:30', storePhone: 'landline', createdDaysAgo: 140, submittedDaysAgo: 138, approvedDaysAgo: 130 },
  { key: 'xiaomi', name: '小米之家江海东海路店', status: 'approved', street: 'jiangnan', address: '江门市江海区东海路 108 号 1 层', legalRep: '何敏仪', categories: ['phone', 'tablet', 'smartwatch', 'tv', 'smart-lock'], entity: '91', openingHours: '10:00-22:00', storePhone: 'landline', createdDaysAgo: 130, submittedDaysAgo: 128, approvedDaysAgo: 120 },
  { key: 'vanward', name: '万和燃气具专卖(外海)', status: 'approved', street: 'waihai', address: '江门市江海区外海街道金瓯路 168 号', legalRep: '张振华', categories: ['gas-stove', 'gas-water-heater', 'range-hood', 'e-water-heater'], entity: '92', openingHours: '08:30-20:00', storePhone: 'landline', createdDaysAgo: 120, submittedDaysAgo: 118, approvedDaysAgo: 110 },
  { key: 'vatti', name: '华帝厨电(礼乐店)', status: 'approved', street: 'lile', address: '江门市江海区礼乐街道新民路 31 号', legalRep: '余少芬', categories: ['gas-stove', 'gas-water-heater', 'range-hood', 'dishwasher'], entity: '92', openingHours: '09:00-20:30', storePhone: 'mobile', createdDaysAgo: 118, submittedDaysAgo: 116, approvedDaysAgo: 108 },
  { key: 'fotile', name: '方太厨房电器江海旗舰店', status: 'approved', street: 'jiangnan', address: '江门市江海区江海三路 22 号', legalRep: '甄卓文', categories: ['range-hood', 'gas-stove', 'gas-water-heater', 'dishwasher', 'water-purifier'], entity: '91', openingHours: '09:30-21:00', storePhone: 'landline', createdDaysAgo: 115, submittedDaysAgo: 112, approvedDaysAgo: 105 },
  { key: 'robam', name: '老板电器江南专卖', status: 'approved', street: 'jiangnan', address: '江门市江海区龙溪路 79 号', legalRep: '司徒健', categories: ['range-hood', 'gas-stove', 'dishwasher'], entity: '92', openingHours: '09:00-21:00', storePhone: 'landline', createdDaysAgo: 110, submittedDaysAgo: 108, approvedDaysAgo: 100 },
  { key: 'rinnai', name: '林内燃气热水器专营(江海)', status: 'approved', street: 'jiangnan', address: '江门市江海区高新西路 15 号', legalRep: '关慧玲', categories: ['gas-water-heater', 'gas-stove'], entity: '92', openingHours: '08:30-18:30', storePhone: 'landline', createdDaysAgo: 100, submittedDaysAgo: 98, approvedDaysAgo: 90 },
  { key: 'macro', name: '万家乐厨卫(礼乐)', status: 'approved', street: 'lile', address: '江门市江海区礼乐街道英南路 5 号', legalRep: '区耀明', categories: ['gas-water-heater', 'gas-stove', 'range-hood', 'e-water-heater'], entity: '92', openingHours: '08:30-20:00', storePhone: 'mobile', createdDaysAgo: 95, submittedDaysAgo: 93, approvedDaysAgo: 85, notEnrolled: ['e-water-heater'] },
  { key: 'aosmith', name: 'A.O.史密斯热水净水专营', status: 'approved', street: 'jiangnan', address: '江门市江海区江海一路 126 号', legalRep: '赵海燕', categories: ['gas-water-heater', 'e-water-heater', 'water-purifier'], entity: '91', openingHours: '09:00-20:00', storePhone: 'landline', createdDaysAgo: 92, submittedDaysAgo: 90, approvedDaysAgo: 82 },
  { key: 'kuka', name: '顾家家居江海店', status: 'approved', street: 'jiangnan', address: '江门市江海区江海三路 168 号家居广场 2 楼', legalRep: '周文辉', categories: ['sofa', 'mattress'], entity: '91', openingHours: '09:30-21:00', storePhone: 'landline', createdDaysAgo: 90, submittedDaysAgo: 88, approvedDaysAgo: 80 },
  { key: 'derucci', name: '慕思寝具(外海店)', status: 'approved', street: 'waihai', address: '江门市江海区外海街道外海大道 233 号', legalRep: '罗嘉欣', categories: ['mattress', 'sofa'], entity: '91', openingHours: '09:30-21:00', storePhone: 'landline', createdDaysAgo: 88, submittedDaysAgo: 86, approvedDaysAgo: 78 },
  { key: 'cheers', name: '芝华仕头等舱沙发(礼乐)', status: 'approved', street: 'lile', address: '江门市江海区礼乐街道乌纱大道 18 号', legalRep: '郑国强', categories: ['sofa', 'mattress'], entity: '92', openingHours: '09:30-21:00', storePhone: 'mobile', createdDaysAgo: 85, submittedDaysAgo: 83, approvedDaysAgo: 76 },
  { key: 'oppein', name: '欧派全屋定制江海店', status: 'approved', street: 'jiangnan', address: '江门市江海区江海三路 168 号家居广场 1 楼', legalRep: '莫秀英', categories: ['kitchen-cabinet', 'aging-retrofit'], entity: '91', openingHours: '09:00-20:00', storePhone: 'landline', createdDaysAgo: 84, submittedDaysAgo: 82, approvedDaysAgo: 74 },
  { key: 'jomoo', name: '九牧卫浴外海店', status: 'approved', street: 'waihai', address: '江门市江海区外海街道银泉社区银泉路 45 号', legalRep: '邓志坚', categories: ['sanitary-ware', 'aging-retrofit'], entity: '92', openingHours: '08:30-19:30', storePhone: 'landline', createdDaysAgo: 80, submittedDaysAgo: 78, approvedDaysAgo: 70 },
  { key: 'dessmann', name: '德施曼智能锁江海服务中心', status: 'approved', street: 'jiangnan', address: '江门市江海区云沁路 6 号', legalRep: '叶美玲', categories: ['smart-lock'], entity: '92', openingHours: '09:00-19:00', storePhone: 'mobile', createdDaysAgo: 75, submittedDaysAgo: 73, approvedDaysAgo: 66 },
  { key: 'huawei', name: '华为授权体验店(江海)', status: 'approved', street: 'jiangnan', address: '江门市江海区东海路 88 号', legalRep: '钟伟杰', categories: ['phone', 'tablet', 'smartwatch', 'computer'], entity: '91', openingHours: '10:00-22:00', storePhone: 'landline', createdDaysAgo: 125, submittedDaysAgo: 122, approvedDaysAgo: 115 },
  { key: 'byd', name: '比亚迪4S店(江海)', status: 'approved', street: 'jiangnan', address: '江门市江海区高新西路 168 号', legalRep: '容少棠', categories: ['nev'], entity: '91', openingHours: '08:30-18:00', storePhone: 'landline', createdDaysAgo: 60, submittedDaysAgo: 56, approvedDaysAgo: 50, beforeCarShow: true },
  { key: 'aion', name: '广汽埃安江海中心', status: 'approved', street: 'lile', address: '江门市江海区礼乐街道威东路 99 号', legalRep: '胡丽娟', categories: ['nev'], entity: '91', openingHours: '08:30-18:30', storePhone: 'landline', createdDaysAgo: 45, submittedDaysAgo: 42, approvedDaysAgo: 35, beforeCarShow: true },
  { key: 'gac-toyota', name: '广汽丰田江海店', status: 'approved', street: 'waihai', address: '江门市江海区外海街道沙津横路 2 号', legalRep: '刘德胜', categories: ['fuel-car', 'nev'], entity: '91', openingHours: '08:30-18:00', storePhone: 'landline', createdDaysAgo: 40, submittedDaysAgo: 37, approvedDaysAgo: 30, beforeCarShow: true },
  { key: 'waihai-mall', name: '外海家电城', status: 'approved', street: 'waihai', address: '江门市江海区外海街道清兰社区清兰路 19 号', legalRep: '杨锦华', categories: ['fridge', 'washer', 'tv', 'ac', 'microwave', 'rice-cooker'], entity: '91', openingHours: '09:00-21:00', storePhone: 'landline', createdDaysAgo: 70, submittedDaysAgo: 68, approvedDaysAgo: 62 },
  { key: 'lile-mall', name: '礼乐家电商场', status: 'approved', street: 'lile', address: '江门市江海区礼乐街道文昌路 56 号', legalRep: '卢家伟', categories: ['fridge', 'washer', 'tv', 'ac', 'e-water-heater', 'rice-cooker'], entity: '91', openingHours: '09:00-12:00,14:00-21:00', storePhone: 'landline', createdDaysAgo: 66, submittedDaysAgo: 64, approvedDaysAgo: 58, pendingAddress: '江门市江海区礼乐街道文昌路 88 号' },
  // — draft —
  { key: 'draft-hongyun', name: '鸿运来电器行', status: 'draft', street: 'lile', address: '江门市江海区礼乐街道新民路 77 号', legalRep: '麦淑仪', categories: ['fridge', 'washer', 'tv'], entity: '92', openingHours: '09:00-21:00', storePhone: 'mobile', createdDaysAgo: 3 },
  { key: 'draft-jiamei', name: '佳美厨卫经营部', status: 'draft', street: 'jiangnan', address: '江门市江海区江海一路 203 号', legalRep: '岑志雄', categories: ['gas-stove', 'range-hood'], entity: '92', openingHours: '08:30-19:00', storePhone: 'mobile', createdDaysAgo: 6 },
  // — submitted (the review queue) —
  { key: 'submitted-xinchao', name: '新潮家电商行', status: 'submitted', street: 'waihai', address: '江门市江海区外海街道四大社区四大路 12 号', legalRep: '温海生', categories: ['ac', 'fridge', 'washer'], entity: '92', openingHours: '09:00-21:00', storePhone: 'mobile', createdDaysAgo: 9, submittedDaysAgo: 5 },
  { key: 'submitted-anjule', name: '安居乐家私城', status: 'submitted', street: 'lile', address: '江门市江海区礼乐街道乌纱大道 66 号', legalRep: '苏国栋', categories: ['sofa', 'mattress', 'kitchen-cabinet'], entity: '91', openingHours: '09:00-20:30', storePhone: 'landline', createdDaysAgo: 6, submittedDaysAgo: 2 },
  { key: 'submitted-baishun', name: '百顺通讯数码', status: 'submitted', street: 'jiangnan', address: '江门市江海区东海路 152 号', legalRep: '彭小红', categories: ['phone', 'tablet', 'smartwatch'], entity: '92', openingHours: '10:00-22:00', storePhone: 'mobile', createdDaysAgo: 3, submittedDaysAgo: 1 },
  // — changes requested —
  { key: 'changes-shunfa', name: '顺发燃气具经营部', status: 'changes_requested', street: 'waihai', address: '江门市江海区外海街道石鹤利社区中东西路 3 号', legalRep: '汤伟文', categories: ['gas-stove', 'gas-water-heater'], entity: '92', openingHours: '08:00-19:00', storePhone: 'mobile', createdDaysAgo: 20, submittedDaysAgo: 15, updatedDaysAgo: 12, reviewReason: '营业执照照片不清晰，无法核对经营范围。请重新上传清晰的营业执照照片，并补充燃气燃烧器具安装维修资质证明后再提交。' },
  { key: 'changes-limin', name: '利民通讯器材店', status: 'changes_requested', street: 'lile', address: '江门市江海区礼乐街道英南路 41 号', legalRep: '谢婉婷', categories: ['phone', 'smartwatch'], entity: '92', openingHours: '09:30-21:30', storePhone: 'mobile', createdDaysAgo: 14, submittedDaysAgo: 10, updatedDaysAgo: 8, reviewReason: '申请表填写的经营地址与营业执照登记地址不一致。请核对后修改，或上传租赁合同等经营场所证明。' },
  // — rejected —
  { key: 'rejected-hengfeng', name: '恒丰旧货回收站', status: 'rejected', street: 'jiangnan', address: '江门市江海区滘头路 17 号', legalRep: '袁立新', categories: ['fridge', 'washer', 'ac'], entity: '92', openingHours: '08:00-18:00', storePhone: 'mobile', createdDaysAgo: 40, submittedDaysAgo: 35, updatedDaysAgo: 30, reviewReason: '营业执照经营范围为废旧物资回收，不含新家电零售，不符合参与活动的商户条件。' },
  { key: 'rejected-suda', name: '速达汽车贸易商行', status: 'rejected', street: 'waihai', address: '江门市江海区外海街道银泉社区银泉路 120 号', legalRep: '朱永康', categories: ['fuel-car'], entity: '92', openingHours: '08:30-18:00', storePhone: 'mobile', createdDaysAgo: 50, submittedDaysAgo: 46, updatedDaysAgo: 44, reviewReason: '统一社会信用代码与企业名称核验不一致，且未提供汽车品牌销售授权证明。' },
  // — suspended (were approved; their old enrolments stay) —
  { key: 'suspended-hongtu', name: '宏图电器城', status: 'suspended', street: 'jiangnan', address: '江门市江海区江海一路 58 号', legalRep: '许晓琳', categories: ['fridge', 'washer', 'tv', 'ac'], entity: '91', openingHours: '09:00-21:00', storePhone: 'landline', createdDaysAgo: 150, submittedDaysAgo: 146, approvedDaysAgo: 140, updatedDaysAgo: 6, reviewReason: '抽查发现多笔核销成交价与备案价格几乎相同，且集中在同一收货地址，暂停参与活动，待核查完成后再决定是否恢复。' },
  { key: 'suspended-yaju', name: '雅居家具广场', status: 'suspended', street: 'lile', address: '江门市江海区礼乐街道威东路 23 号', legalRep: '伍嘉明', categories: ['sofa', 'mattress'], entity: '91', openingHours: '09:30-20:30', storePhone: 'landline', createdDaysAgo: 95, submittedDaysAgo: 92, approvedDaysAgo: 84, updatedDaysAgo: 4, reviewReason: '多名居民投诉承诺的免费上门收旧没有兑现。暂停参与活动，请在 10 个工作日内提交整改说明。' },
]

/** Published events a merchant spec takes part in, and for which of its categories. */
function plannedEnrolments(spec: MerchantSpec, plans: ReadonlyArray<Pick<EventPlan, 'slug' | 'kind' | 'status' | 'endsAt'>>, today: number): Array<{ slug: string, categories: string[] }> {
  if (spec.status !== 'approved' && spec.status !== 'suspended') return []
  const out: Array<{ slug: string, categories: string[] }> = []
  for (const plan of plans) {
    if (plan.status !== 'published') continue
    // A suspended merchant keeps the enrolments it made while approved, in events still running.
    if (spec.status === 'suspended' && plan.endsAt.getTime() < today) continue
    const kindCodes = CATEGORY_CODES_BY_KIND[plan.kind]
    const categories = spec.categories.filter(c => kindCodes.includes(c) && !(spec.notEnrolled ?? []).includes(c))
    if (categories.length > 0) out.push({ slug: plan.slug, categories })
  }
  return out
}

/** The shop the demo merchant account owns (demo-accounts.ts). */
const DEMO_SHOP_KEY = 'midea-waihai'

/** Names of demo merchants that are not approved (must never appear on public pages). */
export const DEMO_UNAPPROVED_MERCHANT_NAMES: readonly string[] = MERCHANT_SPECS.filter(m => m.status !== 'approved').map(m => m.name)

/** Approved demo merchants in 外海 that sell appliance categories and are enrolled in 'appliance-2026'. */
export const DEMO_APPROVED_WAIHAI_APPLIANCE_MERCHANT_NAMES: readonly string[] = MERCHANT_SPECS
  .filter(m => m.status === 'approved' && m.street === 'waihai')
  .filter(m => m.categories.some(c => kindOfCategory(c) === 'appliance'))
  .filter(m => plannedEnrolments(m, [{ slug: DEMO_EVENT_SLUGS.appliance, kind: 'appliance', status: 'published', endsAt: new Date(8.64e15) }], 0)
    .some(e => e.slug === DEMO_EVENT_SLUGS.appliance))
  .map(m => m.name)

const MOBILE_PREFIXES = ['134', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '182', '183', '187', '188', '130', '131', '132', '155', '156', '185', '186', '133', '153', '180', '181', '189', '177', '199', '166', '198'] as const

function mobile(r: Rng): string {
  return `${pick(r, MOBILE_PREFIXES)}${digits(r, 8)}`
}

/** Jiangmen landline: area code 0750, seven-digit local number. */
function landline(r: Rng): string {
  return `0750-3${digits(r, 6)}`
}

/** A GB 32100 code registered in 江海区 (440704), unique within `used`. */
function uscc(r: Rng, entity: '91' | '92', used: Set<string>): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  for (;;) {
    let org: string
    if (entity === '91' && r() < 0.35) {
      // Companies registered before 2015 keep their nine-character organisation code.
      org = `${int(r, 3, 7)}${digits(r, 7)}${pick(r, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])}`
    }
    else {
      org = `MA${pick(r, ['4U', '4W', '51', '52', '53', '54', '55', '56'])}`
      for (let i = 0; i < 5; i++) org += alphabet.charAt(Math.floor(r() * alphabet.length))
    }
    const body = `${entity}440704${org}`
    const code = body + seedUsccCheckChar(body)
    if (!used.has(code)) {
      used.add(code)
      return code
    }
  }
}

interface StreetRef { code: StreetCode, approxLat: number, approxLng: number }

function streetRef(code: StreetCode): StreetRef {
  const s = streetsJson.streets.find(x => x.code === code)
  if (!s) throw new Error(`streets.json has no ${code}`)
  return { code, approxLat: s.approxLat, approxLng: s.approxLng }
}

/** A point within ~1.8 km of the street's approximate centre. */
function jitter(r: Rng, street: StreetRef): { lat: number, lng: number } {
  const km = 1.8 * Math.sqrt(r())
  const angle = 2 * Math.PI * r()
  const lat = street.approxLat + (km * Math.cos(angle)) / 111.32
  const lng = street.approxLng + (km * Math.sin(angle)) / (111.32 * Math.cos((street.approxLat * Math.PI) / 180))
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 }
}

// ---------------------------------------------------------------------------------------------------------
// Promotions
// ---------------------------------------------------------------------------------------------------------

interface PromotionSpec {
  key: string
  merchant: string
  event: string
  kind: PromotionKind
  status: PromotionStatus
  title: string
  description: string
  categories: readonly string[]
  /** Day offsets from today, clamped to the event period; 'event' = the whole event period. */
  window: readonly [number, number] | 'event'
  reviewReason?: string
}

const PROMOTION_SPECS: readonly PromotionSpec[] = [
  { key: 'gome-discount', merchant: 'gome-waihai', event: DEMO_EVENT_SLUGS.appliance, kind: 'extra_discount', status: 'approved', title: '国补之外再立减 300 元', description: '在本店买一级能效冰箱或洗衣机，成交价满 3000 元再减 300 元，可以和政府补贴一起用。', categories: ['fridge', 'washer'], window: [-40, 60] },
  { key: 'gree-install', merchant: 'gree-lile', event: DEMO_EVENT_SLUGS.appliance, kind: 'free_installation', status: 'approved', title: '空调免费安装，旧机免费拆走', description: '买格力空调，3 米内铜管的标准安装不收钱；旧空调由师傅上门免费拆下带走。', categories: ['ac'], window: [-50, 90] },
  { key: 'midea-gift', merchant: 'midea-waihai', event: DEMO_EVENT_SLUGS.appliance, kind: 'gift', status: 'approved', title: '买冰箱送电饭煲', description: '活动期间在本店买一台美的冰箱，送美的 4 升电饭煲一个，送完即止。', categories: ['fridge'], window: [-20, 30] },
  { key: 'haier-pickup', merchant: 'haier-jiangnan', event: DEMO_EVENT_SLUGS.appliance, kind: 'free_pickup', status: 'approved', title: '旧冰箱旧洗衣机免费上门收', description: '买海尔冰箱或洗衣机，送新机时师傅顺便把旧机搬下楼带走，不收搬运费。', categories: ['fridge', 'washer'], window: [-55, 85] },
  { key: 'waihai-mall-pickup', merchant: 'waihai-mall', event: DEMO_EVENT_SLUGS.appliance, kind: 'free_pickup', status: 'approved', title: '外海街道内旧家电免费搬走', description: '外海街道范围内，买新冰箱、洗衣机的街坊，旧机我们免费上门搬走，电梯楼、楼梯楼都可以。', categories: ['fridge', 'washer'], window: [-30, 60] },
  { key: 'gome-past-gift', merchant: 'gome-waihai', event: DEMO_EVENT_SLUGS.appliance, kind: 'gift', status: 'approved', title: '开业季 买空调送落地扇', description: '活动首周在本店买空调，送落地电风扇一台。', categories: ['ac'], window: [-58, -50] },
  { key: 'suning-discount', merchant: 'suning', event: DEMO_EVENT_SLUGS.appliance, kind: 'extra_discount', status: 'submitted', title: '电视以旧换新再享 95 折', description: '买 65 英寸及以上电视，在政府补贴基础上商家再打 95 折。', categories: ['tv'], window: [0, 30] },
  { key: 'hisense-rejected', merchant: 'hisense-waihai', event: DEMO_EVENT_SLUGS.appliance, kind: 'extra_discount', status: 'rejected', title: '海信电视最高补贴 3000 元', description: '买海信电视最高补贴 3000 元。', categories: ['tv'], window: [-10, 30], reviewReason: '标题“最高补贴 3000 元”容易让居民误以为是政府补贴（政府补贴每件最多 2000 元）。请改为“商家优惠”，写清优惠金额和条件后重新提交。' },
  { key: 'vanward-install', merchant: 'vanward', event: DEMO_EVENT_SLUGS.gas, kind: 'free_installation', status: 'approved', title: '热水器免费安装，送燃气安全检测', description: '买万和燃气热水器，免费安装并检查家里燃气管和阀门，发现老化胶管免费更换。', categories: ['gas-water-heater'], window: [-28, 60] },
  { key: 'vatti-gift', merchant: 'vatti', event: DEMO_EVENT_SLUGS.gas, kind: 'gift', status: 'approved', title: '买燃气灶送不锈钢锅具三件套', description: '买华帝燃气灶一台，送不锈钢炒锅、汤锅、蒸锅三件套。', categories: ['gas-stove'], window: [-25, 45] },
  { key: 'rinnai-pickup', merchant: 'rinnai', event: DEMO_EVENT_SLUGS.gas, kind: 'free_pickup', status: 'approved', title: '旧热水器免费拆除带走', description: '装新林内热水器时，旧热水器由师傅免费拆下并带走，按规定回收处理。', categories: ['gas-water-heater'], window: [-20, 90] },
  { key: 'kuka-discount', merchant: 'kuka', event: DEMO_EVENT_SLUGS.home, kind: 'extra_discount', status: 'approved', title: '沙发满 8000 元再减 800 元', description: '买顾家沙发成交价满 8000 元，商家再减 800 元，可以和政府补贴一起用。', categories: ['sofa'], window: [-40, 40] },
  { key: 'derucci-pickup', merchant: 'derucci', event: DEMO_EVENT_SLUGS.home, kind: 'free_pickup', status: 'approved', title: '旧床垫免费上门搬走', description: '买慕思床垫，送新床垫时顺便把旧床垫搬走，不另收费。', categories: ['mattress'], window: [-35, 60] },
  { key: 'dessmann-install', merchant: 'dessmann', event: DEMO_EVENT_SLUGS.home, kind: 'free_installation', status: 'approved', title: '智能门锁免费上门安装', description: '买德施曼智能门锁，师傅上门免费安装，并教老人家用指纹和密码开门。', categories: ['smart-lock'], window: [-30, 70] },
  { key: 'jomoo-install', merchant: 'jomoo', event: DEMO_EVENT_SLUGS.home, kind: 'free_installation', status: 'submitted', title: '适老扶手免费上门安装', description: '买九牧适老扶手、助浴椅或马桶，师傅免费上门安装，并检查卫生间防滑。', categories: ['aging-retrofit', 'sanitary-ware'], window: [1, 70] },
  { key: 'byd-charger', merchant: 'byd', event: DEMO_EVENT_SLUGS.carShow, kind: 'free_charger', status: 'ended', title: '车展期间买新能源车送家用充电桩', description: '车展期间在本店订购比亚迪新能源车，送 7kW 家用充电桩及基础安装。', categories: ['nev'], window: 'event' },
  { key: 'aion-charger', merchant: 'aion', event: DEMO_EVENT_SLUGS.carShow, kind: 'free_charger', status: 'approved', title: '送家用充电桩及安装', description: '车展期间买埃安新能源车，送家用充电桩一个，含 30 米内线材和安装。', categories: ['nev'], window: 'event' },
  { key: 'toyota-gift', merchant: 'gac-toyota', event: DEMO_EVENT_SLUGS.carShow, kind: 'gift', status: 'approved', title: '置换购车送 3 年基础保养', description: '车展期间旧车报废后在本店买新车，送 3 年 6 次基础保养。', categories: ['fuel-car'], window: 'event' },
  { key: 'huawei-discount', merchant: 'huawei', event: DEMO_EVENT_SLUGS.digital, kind: 'extra_discount', status: 'approved', title: '旧手机回收再加 200 元', description: '活动开始后，在本店买华为手机并回收旧手机，回收价之外再加 200 元。', categories: ['phone'], window: 'event' },
  { key: 'xiaomi-gift', merchant: 'xiaomi', event: DEMO_EVENT_SLUGS.digital, kind: 'gift', status: 'submitted', title: '买手机送一年碎屏保障', description: '活动期间在本店买小米手机，送一年碎屏保障服务。', categories: ['phone'], window: 'event' },
]

// ---------------------------------------------------------------------------------------------------------
// Assembling the data set
// ---------------------------------------------------------------------------------------------------------

export function buildDemoData(now: Date): DemoData {
  const today = chinaDayStart(now).getTime()
  const day = (offset: number, h = 0, m = 0, s = 0): Date => new Date(today + offset * DAY_MS + ((h * 60 + m) * 60 + s) * 1000)

  // Events and rules
  const plans = planEvents(day, today)
  const eventIdBySlug = new Map<string, string>()
  const eventBySlug = new Map<string, DemoEvent>()
  const eventRows: DemoEvent[] = []
  const ruleRows: DemoEventRule[] = []
  for (const plan of plans) {
    const id = idOf(`event:${plan.slug}`)
    // Set up three weeks before it starts (and never later than yesterday).
    const createdAt = minDate(new Date(plan.startsAt.getTime() - 21 * DAY_MS), day(-1, 9))
    const row: DemoEvent = {
      id,
      slug: plan.slug,
      titleZh: plan.titleZh,
      titleEn: plan.titleEn,
      descriptionZh: plan.descriptionZh,
      descriptionEn: plan.descriptionEn,
      kind: plan.kind,
      status: plan.status,
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
      budgetFen: plan.budgetFen,
      // Set below from the demo's qualifications and sales.
      reservedFen: 0,
      spentFen: 0,
      createdAt,
      updatedAt: plan.status === 'published' ? maxDate(createdAt, minDate(plan.endsAt, day(0))) : createdAt,
    }
    eventIdBySlug.set(plan.slug, id)
    eventBySlug.set(plan.slug, row)
    eventRows.push(row)
    for (const code of CATEGORY_CODES_BY_KIND[plan.kind]) ruleRows.push({ eventId: id, categoryCode: code, ...defaultRule(plan.kind, code) })
  }
  const eventOf = (slug: string): DemoEvent => {
    const e = eventBySlug.get(slug)
    if (!e) throw new Error(`no demo event ${slug}`)
    return e
  }

  // Qualification releases: daily at 10:00–22:00 China time
  const releaseRows: DemoRelease[] = []
  const takenShare = new Map<string, number>()
  for (const plan of plans) {
    const event = eventOf(plan.slug)
    const r = rngFor(`jianghai-demo:releases:${plan.slug}`)
    let days: number[] = []
    if (plan.releases === 'rolling') days = [-7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3]
    else if (plan.releases === 'first-days') {
      const first = Math.round((plan.startsAt.getTime() - today) / DAY_MS)
      days = [first, first + 1, first + 2]
    }
    else if (plan.releases === 'whole-event') {
      const first = Math.round((chinaDayStart(plan.startsAt).getTime() - today) / DAY_MS)
      const last = Math.round((chinaDayStart(plan.endsAt).getTime() - today) / DAY_MS)
      for (let d = first; d <= last; d++) days.push(d)
    }
    for (const code of CATEGORY_CODES_BY_KIND[plan.kind]) {
      const quota = DAILY_QUOTA[code] ?? 100
      for (const [index, d] of days.entries()) {
        // Share of a past release that was claimed; yesterday's air-conditioner places all went (sold out).
        const share = plan.slug === DEMO_EVENT_SLUGS.appliance && code === 'ac' && d === -1 ? 1 : 0.55 + 0.42 * r()
        const id = idOf(`release:${plan.slug}:${code}:${index}`)
        if (d < 0) takenShare.set(id, share)
        releaseRows.push({
          id,
          eventId: event.id,
          categoryCode: code,
          opensAt: day(d, 10),
          closesAt: day(d, 22),
          quota,
          // Set below from the demo's qualifications.
          claimed: 0,
          createdAt: event.createdAt,
        })
      }
    }
  }

  // Catalogue
  const productRows: DemoProduct[] = buildDemoCatalogue().map(p => ({
    id: p.id,
    brand: p.brand,
    brandAlias: p.brandAlias,
    model: p.model,
    categoryCode: p.categoryCode,
    energyGrade: p.energyGrade,
    waterGrade: p.waterGrade,
    labelNo: p.labelNo,
    filedPriceFen: p.filedPriceFen,
    retiredAt: p.retired ? day(-20, 16, 30) : null,
    createdAt: kindOfCategory(p.categoryCode) === 'gas' ? day(-35, 9) : day(-75, 9),
  }))

  // Merchants
  const carShow = eventOf(DEMO_EVENT_SLUGS.carShow)
  const usedUscc = new Set<string>()
  const merchantRows: DemoMerchant[] = []
  const merchantCategoryRows: DemoMerchantCategory[] = []
  const enrolmentRows: DemoEnrolment[] = []
  const merchantByKey = new Map<string, { spec: MerchantSpec, row: DemoMerchant }>()
  for (const spec of MERCHANT_SPECS) {
    const r = rngFor(`jianghai-demo:merchant:${spec.key}`)
    const id = idOf(`merchant:${spec.key}`)
    const code = uscc(r, spec.entity, usedUscc)
    const { lat, lng } = jitter(r, streetRef(spec.street))
    const contactPhone = mobile(r)
    const storePhone = spec.storePhone === 'landline' ? landline(r) : contactPhone
    const from = spec.beforeCarShow ? Math.round((chinaDayStart(carShow.startsAt).getTime() - today) / DAY_MS) : 0
    const createdAt = day(from - spec.createdDaysAgo, int(r, 9, 11), int(r, 0, 59))
    const submittedAt = spec.submittedDaysAgo === undefined ? null : day(from - spec.submittedDaysAgo, int(r, 14, 17), int(r, 0, 59))
    const approvedAt = spec.approvedDaysAgo === undefined ? null : day(from - spec.approvedDaysAgo, int(r, 9, 11), int(r, 0, 59))
    const reviewedAt = spec.updatedDaysAgo === undefined ? null : day(from - spec.updatedDaysAgo, int(r, 9, 16), int(r, 0, 59))
    const pendingAt = spec.pendingAddress === undefined ? null : day(-2, 15, 20)
    const pendingProfile: MerchantPendingProfile | null = spec.pendingAddress === undefined || pendingAt === null
      ? null
      : { name: spec.name, uscc: code, address: spec.pendingAddress, submittedAt: pendingAt.toISOString() }
    const updatedAt = pendingAt ?? reviewedAt ?? approvedAt ?? submittedAt ?? createdAt
    const row: DemoMerchant = {
      id,
      ownerUserId: null,
      status: spec.status,
      name: spec.name,
      uscc: code,
      legalRep: spec.legalRep,
      contactPhone,
      storePhone,
      address: spec.address,
      street: spec.street,
      openingHours: spec.openingHours,
      lat,
      lng,
      reviewReason: spec.reviewReason ?? null,
      pendingProfile,
      // Staff see "submitted" as the time of the latest submission; a draft has never been submitted.
      submittedAt,
      // A suspended merchant keeps the date it was first approved.
      approvedAt: spec.status === 'approved' || spec.status === 'suspended' ? approvedAt : null,
      createdAt,
      updatedAt,
    }
    merchantRows.push(row)
    merchantByKey.set(spec.key, { spec, row })
    for (const c of spec.categories) merchantCategoryRows.push({ merchantId: id, categoryCode: c })
    for (const e of plannedEnrolments(spec, plans, today)) {
      const event = eventOf(e.slug)
      const base = maxDate(approvedAt ?? createdAt, event.createdAt)
      const at = minDate(new Date(base.getTime() + DAY_MS + int(r, 1, 6) * 3_600_000), maxDate(base, day(-1, 18)))
      for (const c of e.categories) enrolmentRows.push({ eventId: event.id, merchantId: id, categoryCode: c, createdAt: at })
    }
  }

  // Promotions
  const promotionRows: DemoPromotion[] = []
  const promotionCategoryRows: DemoPromotionCategory[] = []
  for (const p of PROMOTION_SPECS) {
    const m = merchantByKey.get(p.merchant)
    if (!m) throw new Error(`promotion ${p.key}: no merchant ${p.merchant}`)
    if (m.spec.status !== 'approved') throw new Error(`promotion ${p.key}: merchant ${p.merchant} is not approved`)
    const event = eventOf(p.event)
    const kindCodes = CATEGORY_CODES_BY_KIND[event.kind]
    for (const c of p.categories) {
      if (!m.spec.categories.includes(c) || !kindCodes.includes(c)) throw new Error(`promotion ${p.key}: category ${c} is not the merchant's or the event's`)
    }
    const startsAt = p.window === 'event' ? event.startsAt : maxDate(day(p.window[0]), event.startsAt)
    const endsAt = p.window === 'event' ? event.endsAt : minDate(day(p.window[1], 23, 59, 59), event.endsAt)
    const created = maxDate(new Date(startsAt.getTime() - 3 * DAY_MS), m.row.approvedAt ?? m.row.createdAt)
    const createdAt = minDate(created, day(-1, 10))
    const reviewed = p.status === 'submitted' ? createdAt : minDate(new Date(createdAt.getTime() + DAY_MS), day(0))
    const updatedAt = p.status === 'ended' ? maxDate(reviewed, minDate(endsAt, day(0))) : reviewed
    const id = idOf(`promotion:${p.key}`)
    promotionRows.push({
      id,
      merchantId: m.row.id,
      eventId: event.id,
      kind: p.kind,
      status: p.status,
      title: p.title,
      description: p.description,
      startsAt,
      endsAt,
      reviewReason: p.reviewReason ?? null,
      createdAt,
      updatedAt,
    })
    for (const c of p.categories) promotionCategoryRows.push({ promotionId: id, categoryCode: c })
  }

  // Residents, their qualifications and the sales that used them; the figures follow from those rows.
  const demoShop = merchantByKey.get(DEMO_SHOP_KEY)
  if (!demoShop) throw new Error(`no demo merchant ${DEMO_SHOP_KEY}`)
  const activity = buildDemoActivity({
    now,
    events: eventRows,
    rules: ruleRows,
    releases: releaseRows,
    products: productRows,
    merchants: merchantRows,
    enrolments: enrolmentRows,
    takenShare: release => takenShare.get(release.id) ?? 0,
    demoResident: {
      redeemed: { eventId: eventOf(DEMO_EVENT_SLUGS.appliance).id, categoryCode: 'fridge', merchantId: demoShop.row.id },
      active: { eventId: eventOf(DEMO_EVENT_SLUGS.gas).id, categoryCode: 'gas-water-heater' },
    },
  })
  for (const release of releaseRows) release.claimed = activity.claimedByRelease.get(release.id) ?? 0
  for (const event of eventRows) Object.assign(event, activity.ledgerByEvent.get(event.id))

  return {
    activity,
    events: eventRows,
    eventRules: ruleRows,
    qualificationReleases: releaseRows,
    products: productRows,
    merchants: merchantRows,
    merchantCategories: merchantCategoryRows,
    eventEnrolments: enrolmentRows,
    promotions: promotionRows,
    promotionCategories: promotionCategoryRows,
  }
}
