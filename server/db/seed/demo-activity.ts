/**
 * The demo's residents, their subsidy qualifications and the sales that used them (PRODUCT.md "Demo data":
 * some claimed and redeemed qualifications). Built from the releases, rules, catalogue, merchants and
 * enrolments of demo-data.ts, and pure: the same calendar day gives the same rows.
 *
 * Every figure the pages show is derived from these rows, never set on its own: a release's `claimed` is its
 * live qualifications (active or redeemed), an event's `reservedFen` the caps of its active qualifications
 * and `spentFen` the subsidies of its completed sales — the same reconciliation the ledger endpoint checks.
 *
 * Only the past is generated (claims and sales before 00:00 China time today). Qualifications due to expire
 * later today are still active; the running server's expiry sweep ends them when due, as it would any other.
 */
import { redemptionFlags, SPIKE_HISTORY_DAYS, type AnomalyFlag } from '#shared/domain/anomaly'
import { chinaDate, chinaDayStart, DAY_MS } from '#shared/domain/china-time'
import { residentIdCheckChar } from '#shared/domain/identity'
import { parseOpeningHours } from '#shared/domain/opening-hours'
import { serialKey } from '#shared/domain/redemption'
import { quoteSubsidy, type SubsidyRule } from '#shared/domain/subsidy'
import { generateVoucherCode, reservationFen, voucherExpiry } from '#shared/domain/vouchers'
import type { OldItem } from '~~/server/db/schema'
import type { Rng } from './prng'
import { digits, int, pick, rngFor, uuidFrom } from './prng'

const HOUR_MS = 3_600_000

/** The demo resident account (demo-accounts.json) is person 0; the rows name it, the seeder binds it. */
export const DEMO_RESIDENT_PERSON = 0

export interface DemoPerson {
  /** users.id of the account (person 0: the demo resident account made by seedDemoAccounts). */
  userId: string
  phone: string
  name: string
  idNumber: string
  verifiedAt: Date
}

export interface DemoVoucher {
  id: string
  code: string
  eventId: string
  categoryCode: string
  releaseId: string
  person: number
  slot: number
  status: 'active' | 'redeemed' | 'expired' | 'cancelled'
  capFen: number
  expiresAt: Date
  createdAt: Date
  redeemedAt: Date | null
  closedAt: Date | null
}

export interface DemoRedemption {
  id: string
  voucherId: string
  merchantId: string
  eventId: string
  categoryCode: string
  productId: string
  priceFen: number
  subsidyFen: number
  payableFen: number
  serialNo: string
  serialKey: string
  invoiceNo: string
  oldItem: OldItem | null
  idempotencyKey: string
  createdAt: Date
  flags: AnomalyFlag[]
}

export interface DemoActivity {
  persons: DemoPerson[]
  vouchers: DemoVoucher[]
  redemptions: DemoRedemption[]
  /** Live qualifications per release id. */
  claimedByRelease: Map<string, number>
  /** reserved / spent per event id. */
  ledgerByEvent: Map<string, { reservedFen: number, spentFen: number }>
}

export interface ActivityInput {
  now: Date
  events: ReadonlyArray<{ id: string, slug: string, status: string, budgetFen: number }>
  rules: ReadonlyArray<SubsidyRule & { eventId: string, categoryCode: string }>
  releases: ReadonlyArray<{ id: string, eventId: string, categoryCode: string, opensAt: Date, closesAt: Date, quota: number }>
  products: ReadonlyArray<{ id: string, brand: string, categoryCode: string, energyGrade: number | null, waterGrade: number | null, filedPriceFen: number, retiredAt: Date | null }>
  merchants: ReadonlyArray<{ id: string, status: string, openingHours: string }>
  enrolments: ReadonlyArray<{ eventId: string, merchantId: string, categoryCode: string, createdAt: Date }>
  /** Share of a past release taken, by release id (0–1). */
  takenShare: (release: { id: string, eventId: string, categoryCode: string, opensAt: Date }) => number
  /** The demo resident's own history: a redeemed and an active qualification. */
  demoResident: { redeemed: { eventId: string, categoryCode: string, merchantId: string }, active: { eventId: string, categoryCode: string } }
}

const SURNAMES = '陈李黄梁张吴林何罗周刘冯郑谭赵关区余容麦莫叶钟甘胡杨卢许邓苏伍'
const GIVEN = '伟强敏芳丽华军杰娟秀英明志国桂玲健平红燕婷慧嘉欣浩锦荣文海彬振宇少珍美玉凤霞'

function chineseName(r: Rng): string {
  const given = r() < 0.3 ? pick(r, [...GIVEN]) : pick(r, [...GIVEN]) + pick(r, [...GIVEN])
  return pick(r, [...SURNAMES]) + given
}

/** A 江海区 (440704) resident ID number born 1945–2001 with a correct GB 11643 check digit. */
function residentId(r: Rng): string {
  const year = int(r, 1945, 2001)
  const body = `440704${year}${String(int(r, 1, 12)).padStart(2, '0')}${String(int(r, 1, 28)).padStart(2, '0')}${digits(r, 3)}`
  return body + residentIdCheckChar(body)
}

/** Claims crowd the first minutes after 10:00 (first come, first served) and thin out over the day. */
function claimTime(r: Rng, opensAt: Date, closesAt: Date): Date {
  const span = closesAt.getTime() - opensAt.getTime()
  const offset = Math.min(span - 60_000, Math.floor(-Math.log(1 - r() * 0.999) * 40 * 60_000))
  return new Date(opensAt.getTime() + offset + int(r, 0, 59) * 1000)
}

/**
 * When the sale is rung up: within the shop's opening hours on the claim day or one of the next three,
 * after the claim, or (one sale in a hundred) late in the evening, which the anomaly flags catch.
 */
function saleTime(r: Rng, claimedAt: Date, openingHours: string): Date {
  const hours = parseOpeningHours(openingHours)
  const dayStart = chinaDayStart(claimedAt).getTime()
  for (let attempt = 0; attempt < 8; attempt++) {
    const dayOffset = weightedDay(r)
    let minute: number
    if (r() < 0.01 || !hours) minute = int(r, 22 * 60 + 40, 23 * 60 + 50)
    else {
      const interval = pick(r, hours.intervals)
      const closes = interval.closesMin > interval.opensMin ? interval.closesMin : 24 * 60
      minute = int(r, interval.opensMin, Math.max(interval.opensMin, closes - 20))
    }
    const at = new Date(dayStart + dayOffset * DAY_MS + minute * 60_000 + int(r, 0, 59) * 1000)
    if (at.getTime() > claimedAt.getTime() + 20 * 60_000) return at
  }
  return new Date(claimedAt.getTime() + 26 * HOUR_MS)
}

/** Most people buy the same day or the next; fewer leave it to the last day. */
function weightedDay(r: Rng): number {
  const x = r()
  return x < 0.38 ? 0 : x < 0.72 ? 1 : x < 0.92 ? 2 : 3
}

/** Serial numbers look like the brand's: letters of the brand family then digits. */
const SERIAL_PREFIX: Readonly<Record<string, string>> = {
  海尔: 'BH', 容声: 'RS', 美的: 'MD', 格力: 'GR', 海信: 'HS', TCL: 'TC', 小天鹅: 'LS', 万和: 'VH', 林内: 'RN', 华帝: 'VT', 方太: 'FT', 老板: 'RB',
}

const OLD_BRANDS: Readonly<Record<string, readonly string[]>> = {
  default: ['海尔', '美的', '容声', '格力', '科龙', '长虹', '康佳', '创维', '万家乐', '樱花', '华帝', '万和', '老板', '小天鹅', '三洋'],
  car: ['大众', '丰田', '本田', '日产', '别克', '五菱', '福特', '现代'],
}

export function buildDemoActivity(input: ActivityInput): DemoActivity {
  const r = rngFor('jianghai-demo:activity')
  const today = chinaDayStart(input.now).getTime()
  const eventById = new Map(input.events.map(e => [e.id, e]))
  const ruleOf = new Map(input.rules.map(rule => [`${rule.eventId}:${rule.categoryCode}`, rule]))
  const merchantById = new Map(input.merchants.map(m => [m.id, m]))

  // Products a sale may use: in the catalogue now and eligible under the event's rule at their filed price.
  const productsByCategory = new Map<string, ActivityInput['products'][number][]>()
  for (const p of input.products) {
    if (p.retiredAt !== null) continue
    const list = productsByCategory.get(p.categoryCode) ?? []
    list.push(p)
    productsByCategory.set(p.categoryCode, list)
  }

  const persons: DemoPerson[] = []
  const usedIds = new Set<string>(['440704195503124522'])
  const personRng = rngFor('jianghai-demo:persons')
  function newPerson(verifiedAt: Date): number {
    let idNumber = residentId(personRng)
    while (usedIds.has(idNumber)) idNumber = residentId(personRng)
    usedIds.add(idNumber)
    const index = persons.length
    persons.push({ userId: uuidFrom(personRng), phone: `145${String(index).padStart(8, '0')}`, name: chineseName(personRng), idNumber, verifiedAt })
    return index
  }
  // Person 0 stands for the demo resident (the seeder binds it to that account).
  newPerson(new Date(today - 20 * DAY_MS))

  const vouchers: DemoVoucher[] = []
  const redemptions: DemoRedemption[] = []
  const usedCodes = new Set<string>()
  const codeRng = rngFor('jianghai-demo:voucher-codes')
  const codeBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(codeRng() * 256))
  const invoiceSeq = new Map<string, number>()
  let serialSeq = 0
  // The demo resident's own history: the first past release of one category (bought a week ago) and
  // yesterday's release of another (still to use).
  const demoHistory = new Set<string>()
  const yesterday = today - DAY_MS
  function demoResidentWants(release: { eventId: string, categoryCode: string, opensAt: Date }): 'redeemed' | 'active' | null {
    const { redeemed, active } = input.demoResident
    const key = `${release.eventId}:${release.categoryCode}`
    if (demoHistory.has(key)) return null
    const is = (want: { eventId: string, categoryCode: string }) => release.eventId === want.eventId && release.categoryCode === want.categoryCode
    if (is(redeemed) || (is(active) && release.opensAt.getTime() >= yesterday)) {
      demoHistory.add(key)
      return is(redeemed) ? 'redeemed' : 'active'
    }
    return null
  }
  /** Persons holding a live qualification per event + category (rule 4: one each, slot 1). */
  const holders = new Map<string, Set<number>>()

  const pastReleases = input.releases
    .filter(rel => rel.closesAt.getTime() <= today && eventById.get(rel.eventId)?.status === 'published')
    .slice()
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime() || a.categoryCode.localeCompare(b.categoryCode))

  for (const release of pastReleases) {
    const rule = ruleOf.get(`${release.eventId}:${release.categoryCode}`)
    if (!rule) continue
    const capFen = reservationFen(rule)
    const count = Math.min(release.quota, Math.round(release.quota * input.takenShare(release)))
    const soldOut = count === release.quota
    const key = `${release.eventId}:${release.categoryCode}`
    const live = holders.get(key) ?? new Set<number>()
    holders.set(key, live)
    const enrolled = input.enrolments
      .filter(e => e.eventId === release.eventId && e.categoryCode === release.categoryCode && merchantById.get(e.merchantId)?.status === 'approved')
    const candidates = (productsByCategory.get(release.categoryCode) ?? []).filter(p => quoteSubsidy(rule, p, p.filedPriceFen).eligible)

    for (let i = 0; i < count; i++) {
      const createdAt = claimTime(r, release.opensAt, release.closesAt)
      const expiresAt = voucherExpiry(createdAt)
      const mine = i === 0 ? demoResidentWants(release) : null
      // A resident of the district: most come once per category, some households several categories.
      let person = mine ? DEMO_RESIDENT_PERSON : -1
      if (person < 0) {
        const reuse = persons.length > 40 && r() < 0.35
        person = reuse ? int(r, 1, persons.length - 1) : newPerson(new Date(createdAt.getTime() - int(r, 1, 30) * DAY_MS))
        if (live.has(person)) person = newPerson(new Date(createdAt.getTime() - int(r, 1, 30) * DAY_MS))
      }
      let code = generateVoucherCode(codeBytes)
      while (usedCodes.has(code)) code = generateVoucherCode(codeBytes)
      usedCodes.add(code)
      const voucher: DemoVoucher = {
        id: uuidFrom(r),
        code,
        eventId: release.eventId,
        categoryCode: release.categoryCode,
        releaseId: release.id,
        person,
        slot: 1,
        status: 'active',
        capFen,
        expiresAt,
        createdAt,
        redeemedAt: null,
        closedAt: null,
      }
      vouchers.push(voucher)

      // What became of it, as of 00:00 today.
      const cancelled = !soldOut && !mine && r() < 0.03
      if (cancelled) {
        const at = new Date(createdAt.getTime() + int(r, 30, 30 * 60) * 60_000)
        if (at.getTime() < today && at < expiresAt) {
          voucher.status = 'cancelled'
          voucher.closedAt = at
          continue
        }
      }
      const wantsToBuy = mine ? mine === 'redeemed' : r() < 0.88
      const merchantId = mine === 'redeemed' ? input.demoResident.redeemed.merchantId : enrolled.length > 0 ? pick(r, enrolled).merchantId : null
      const merchant = merchantId ? merchantById.get(merchantId) : undefined
      if (wantsToBuy && merchant && candidates.length > 0) {
        const at = saleTime(r, createdAt, merchant.openingHours)
        const enrolledThen = enrolled.some(e => e.merchantId === merchant.id && e.createdAt.getTime() <= at.getTime())
        if (at.getTime() < today && at < expiresAt && enrolledThen) {
          const product = pick(r, candidates)
          const filed = product.filedPriceFen
          // Most sell below the filed price (the filed price is a ceiling); a few at it.
          const priceFen = r() < 0.04 ? filed : Math.max(100, Math.round(filed * (0.78 + 0.18 * r()) / 1000) * 1000)
          const quote = quoteSubsidy(rule, product, priceFen)
          if (quote.eligible) {
            const subsidyFen = Math.min(quote.subsidyFen, capFen)
            serialSeq += 1
            const prefix = SERIAL_PREFIX[product.brand] ?? 'SN'
            const serialNo = `${prefix}${chinaDate(at).replaceAll('-', '').slice(2)}${digits(r, 4)}${String(serialSeq).padStart(5, '0')}`
            const seq = (invoiceSeq.get(merchant.id) ?? 0) + 1
            invoiceSeq.set(merchant.id, seq)
            const kind = rule.fixedFen !== null ? 'car' : 'default'
            redemptions.push({
              id: uuidFrom(r),
              voucherId: voucher.id,
              merchantId: merchant.id,
              eventId: release.eventId,
              categoryCode: release.categoryCode,
              productId: product.id,
              priceFen,
              subsidyFen,
              payableFen: priceFen - subsidyFen,
              serialNo,
              serialKey: serialKey(serialNo),
              invoiceNo: `${chinaDate(at).replaceAll('-', '')}${String(seq).padStart(6, '0')}`,
              oldItem: rule.requiresTradeIn
                ? {
                    categoryCode: kind === 'car' ? 'fuel-car' : release.categoryCode,
                    brand: pick(r, OLD_BRANDS[kind]!),
                    ageYears: kind === 'car' ? int(r, 8, 16) : int(r, 6, 18),
                    disposal: kind === 'car' ? 'scrapped' : r() < 0.6 ? 'merchant_pickup' : 'recycler',
                  }
                : null,
              idempotencyKey: `demo-${uuidFrom(r)}`,
              createdAt: at,
              flags: [],
            })
            voucher.status = 'redeemed'
            voucher.redeemedAt = at
            live.add(person)
            continue
          }
        }
      }
      if (expiresAt.getTime() <= today) {
        voucher.status = 'expired'
        voucher.closedAt = expiresAt
      }
      else {
        live.add(person)
      }
    }
  }

  const filedOf = new Map(input.products.map(p => [p.id, p.filedPriceFen]))
  flagRedemptions(redemptions, vouchers, filedOf, merchantById)

  // The figures, from the rows.
  const claimedByRelease = new Map<string, number>()
  const ledgerByEvent = new Map<string, { reservedFen: number, spentFen: number }>()
  for (const e of input.events) ledgerByEvent.set(e.id, { reservedFen: 0, spentFen: 0 })
  for (const v of vouchers) {
    if (v.status === 'active' || v.status === 'redeemed') claimedByRelease.set(v.releaseId, (claimedByRelease.get(v.releaseId) ?? 0) + 1)
    if (v.status === 'active') ledgerByEvent.get(v.eventId)!.reservedFen += v.capFen
  }
  for (const s of redemptions) ledgerByEvent.get(s.eventId)!.spentFen += s.subsidyFen
  for (const e of input.events) {
    const l = ledgerByEvent.get(e.id)!
    if (l.reservedFen + l.spentFen > e.budgetFen) throw new Error(`demo activity of ${e.slug} exceeds its budget`)
  }
  return { persons, vouchers, redemptions, claimedByRelease, ledgerByEvent }
}

/**
 * The anomaly flags the running system would have raised (shared/domain/anomaly.ts), sale by sale in time
 * order. A shop's "usual" is its own mean over the generated days (the demo has no older history).
 */
function flagRedemptions(sales: DemoRedemption[], vouchers: readonly DemoVoucher[], filedOf: ReadonlyMap<string, number>, merchantById: ReadonlyMap<string, { openingHours: string }>): void {
  const personOf = new Map(vouchers.map(v => [v.id, v.person]))
  const ordered = sales.slice().sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
  const days = new Map<string, Set<number>>()
  const totals = new Map<string, number>()
  for (const s of ordered) {
    const day = chinaDayStart(s.createdAt).getTime()
    const set = days.get(s.merchantId) ?? new Set<number>()
    set.add(day)
    days.set(s.merchantId, set)
    totals.set(s.merchantId, (totals.get(s.merchantId) ?? 0) + 1)
  }
  const personDay = new Map<string, number>()
  const merchantDay = new Map<string, number>()
  for (const s of ordered) {
    const day = chinaDayStart(s.createdAt).getTime()
    const pKey = `${personOf.get(s.voucherId)}:${day}`
    const mKey = `${s.merchantId}:${day}`
    personDay.set(pKey, (personDay.get(pKey) ?? 0) + 1)
    merchantDay.set(mKey, (merchantDay.get(mKey) ?? 0) + 1)
    const activeDays = Math.max(1, days.get(s.merchantId)?.size ?? 1)
    const meanPerDay = (totals.get(s.merchantId) ?? 0) / activeDays
    s.flags = redemptionFlags({
      priceFen: s.priceFen,
      filedPriceFen: filedOf.get(s.productId)!,
      personSameDay: personDay.get(pKey)!,
      merchantSameDay: merchantDay.get(mKey)!,
      merchantHistory: Math.round(meanPerDay * SPIKE_HISTORY_DAYS),
      openingHours: merchantById.get(s.merchantId)?.openingHours ?? '',
      at: s.createdAt,
    })
  }
}
