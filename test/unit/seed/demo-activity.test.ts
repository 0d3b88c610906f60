import { describe, expect, it } from 'vitest'
import { chinaDayStart } from '#shared/domain/china-time'
import { ANOMALY_FLAGS } from '#shared/domain/anomaly'
import { isValidResidentId } from '#shared/domain/identity'
import { quoteSubsidy } from '#shared/domain/subsidy'
import { VOUCHER_VALID_DAYS, isVoucherCode } from '#shared/domain/vouchers'
import { DEMO_RESIDENT_PERSON } from '~~/server/db/seed/demo-activity'
import { buildDemoData, DEMO_EVENT_SLUGS } from '~~/server/db/seed/demo-data'

// 2026-11-27, 15:30 in China.
const NOW = new Date('2026-11-27T07:30:00Z')
const data = buildDemoData(NOW)
const { persons, vouchers, redemptions } = data.activity
const TODAY = chinaDayStart(NOW).getTime()
const eventBySlug = (slug: string) => data.events.find(e => e.slug === slug)!

describe('demo activity — qualifications and sales behind every figure', () => {
  it('has thousands of qualifications in every status and sales in every current event', () => {
    expect(vouchers.length).toBeGreaterThan(1500)
    for (const status of ['active', 'redeemed', 'expired', 'cancelled'] as const) {
      expect(vouchers.filter(v => v.status === status).length, status).toBeGreaterThan(10)
    }
    for (const slug of [DEMO_EVENT_SLUGS.appliance, DEMO_EVENT_SLUGS.home, DEMO_EVENT_SLUGS.gas, DEMO_EVENT_SLUGS.carShow]) {
      expect(redemptions.filter(s => s.eventId === eventBySlug(slug).id).length, slug).toBeGreaterThan(10)
    }
    // Nothing for the upcoming digital event or the draft.
    for (const slug of [DEMO_EVENT_SLUGS.digital, DEMO_EVENT_SLUGS.draft]) {
      expect(vouchers.some(v => v.eventId === eventBySlug(slug).id)).toBe(false)
    }
  })

  it('reconciles: claimed = live qualifications, reserved = caps of active ones, spent = subsidies of sales, within budget', () => {
    for (const release of data.qualificationReleases) {
      const live = vouchers.filter(v => v.releaseId === release.id && (v.status === 'active' || v.status === 'redeemed')).length
      expect(release.claimed).toBe(live)
      expect(release.claimed).toBeLessThanOrEqual(release.quota)
      expect(vouchers.filter(v => v.releaseId === release.id).length).toBeLessThanOrEqual(release.quota)
    }
    for (const event of data.events) {
      const reserved = vouchers.filter(v => v.eventId === event.id && v.status === 'active').reduce((a, v) => a + v.capFen, 0)
      const spent = redemptions.filter(s => s.eventId === event.id).reduce((a, s) => a + s.subsidyFen, 0)
      expect(event.reservedFen).toBe(reserved)
      expect(event.spentFen).toBe(spent)
      expect(event.reservedFen + event.spentFen).toBeLessThanOrEqual(event.budgetFen)
    }
    expect(eventBySlug(DEMO_EVENT_SLUGS.appliance).spentFen).toBeGreaterThan(0)
    expect(eventBySlug(DEMO_EVENT_SLUGS.appliance).reservedFen).toBeGreaterThan(0)
    // Yesterday's air-conditioner places all went.
    const appliance = eventBySlug(DEMO_EVENT_SLUGS.appliance)
    const acYesterday = data.qualificationReleases.find(r => r.eventId === appliance.id && r.categoryCode === 'ac' && r.opensAt.getTime() === TODAY - 14 * 3_600_000)
    expect(acYesterday && acYesterday.claimed === acYesterday.quota).toBe(true)
  })

  it('each qualification lives as the system would have kept it', () => {
    const codes = new Set<string>()
    const release = new Map(data.qualificationReleases.map(r => [r.id, r]))
    for (const v of vouchers) {
      expect(isVoucherCode(v.code)).toBe(true)
      expect(codes.has(v.code)).toBe(false)
      codes.add(v.code)
      const r = release.get(v.releaseId)!
      expect(v.createdAt >= r.opensAt && v.createdAt < r.closesAt).toBe(true)
      expect(v.expiresAt.getTime() - v.createdAt.getTime()).toBe(VOUCHER_VALID_DAYS * 86_400_000)
      expect(v.createdAt.getTime()).toBeLessThan(TODAY)
      if (v.status === 'active') expect(v.expiresAt.getTime()).toBeGreaterThan(TODAY)
      if (v.status === 'expired') expect(v.closedAt).toEqual(v.expiresAt)
      if (v.status === 'cancelled') expect(v.closedAt!.getTime()).toBeLessThan(Math.min(TODAY, v.expiresAt.getTime()))
      if (v.status === 'redeemed') expect(v.redeemedAt!.getTime()).toBeLessThan(v.expiresAt.getTime())
    }
  })

  it('one live qualification per person per category and event (rule 4), real-name persons with valid ID numbers', () => {
    const seen = new Set<string>()
    for (const v of vouchers.filter(v => v.status === 'active' || v.status === 'redeemed')) {
      const key = `${v.eventId}:${v.categoryCode}:${v.person}:${v.slot}`
      expect(seen.has(key)).toBe(false)
      seen.add(key)
    }
    const ids = new Set(persons.map(p => p.idNumber))
    expect(ids.size).toBe(persons.length)
    expect(ids.has('440704195503124522')).toBe(false)
    for (const p of persons) {
      expect(isValidResidentId(p.idNumber, NOW)).toBe(true)
      expect(p.phone).toMatch(/^145\d{8}$/)
    }
    expect(persons.length).toBeGreaterThan(500)
  })

  it('sales follow rule 6: approved merchant enrolled before the sale, eligible product, price within the filed price, right subsidy, unique SN and invoice', () => {
    const merchant = new Map(data.merchants.map(m => [m.id, m]))
    const product = new Map(data.products.map(p => [p.id, p]))
    const voucher = new Map(vouchers.map(v => [v.id, v]))
    const rule = new Map(data.eventRules.map(r => [`${r.eventId}:${r.categoryCode}`, r]))
    const serials = new Set<string>()
    const invoices = new Set<string>()
    for (const s of redemptions) {
      const v = voucher.get(s.voucherId)!
      expect(v.status).toBe('redeemed')
      expect(v.redeemedAt).toEqual(s.createdAt)
      expect(s.createdAt.getTime()).toBeLessThan(TODAY)
      expect(merchant.get(s.merchantId)!.status).toBe('approved')
      expect(data.eventEnrolments.some(e => e.merchantId === s.merchantId && e.eventId === s.eventId && e.categoryCode === s.categoryCode && e.createdAt <= s.createdAt)).toBe(true)
      const p = product.get(s.productId)!
      expect(p.categoryCode).toBe(s.categoryCode)
      expect(p.retiredAt).toBeNull()
      expect(s.priceFen).toBeLessThanOrEqual(p.filedPriceFen)
      const r = rule.get(`${s.eventId}:${s.categoryCode}`)!
      const quote = quoteSubsidy(r, p, s.priceFen)
      expect(quote.eligible).toBe(true)
      expect(s.subsidyFen).toBe(Math.min(quote.subsidyFen, v.capFen))
      expect(s.payableFen).toBe(s.priceFen - s.subsidyFen)
      if (r.requiresTradeIn) expect(s.oldItem).not.toBeNull()
      expect(serials.has(`${s.categoryCode}:${s.serialKey}`)).toBe(false)
      serials.add(`${s.categoryCode}:${s.serialKey}`)
      expect(invoices.has(`${s.merchantId}:${s.invoiceNo}`)).toBe(false)
      invoices.add(`${s.merchantId}:${s.invoiceNo}`)
      for (const f of s.flags) expect(ANOMALY_FLAGS).toContain(f)
    }
  })

  it('some sales carry anomaly flags for reviewers, most none', () => {
    const flagged = redemptions.filter(s => s.flags.length > 0)
    expect(flagged.length).toBeGreaterThan(5)
    expect(flagged.length).toBeLessThan(redemptions.length * 0.2)
    expect(flagged.some(s => s.flags.includes('PRICE_NEAR_FILED'))).toBe(true)
    expect(flagged.some(s => s.flags.includes('OUTSIDE_OPENING_HOURS'))).toBe(true)
  })

  it('the demo resident bought a fridge at the demo shop and holds a gas water heater qualification', () => {
    const mine = vouchers.filter(v => v.person === DEMO_RESIDENT_PERSON)
    expect(mine.map(v => [v.categoryCode, v.status]).sort()).toEqual([['fridge', 'redeemed'], ['gas-water-heater', 'active']])
    const sale = redemptions.find(s => s.voucherId === mine.find(v => v.categoryCode === 'fridge')!.id)!
    expect(data.merchants.find(m => m.id === sale.merchantId)!.name).toBe('美的智慧家(外海店)')
  })

  it('is the same on the same day', () => {
    const again = buildDemoData(new Date(NOW.getTime() + 3_600_000)).activity
    expect(again.vouchers.map(v => v.code)).toEqual(vouchers.map(v => v.code))
    expect(again.redemptions.map(s => [s.id, s.subsidyFen])).toEqual(redemptions.map(s => [s.id, s.subsidyFen]))
  })
})
