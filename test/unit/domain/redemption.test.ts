import { describe, expect, it } from 'vitest'
import { decideRedemption, serialKey, voucherRefusal, withinVoidWindow, type RedemptionFacts } from '#shared/domain/redemption'
import type { SubsidyRule } from '#shared/domain/subsidy'

const now = new Date('2026-11-28T04:00:00Z')
const rule: SubsidyRule = { ratePctByGrade: { 1: 20, 2: 15 }, capFen: 200_000, fixedFen: null, priceCeilingFen: null, perPersonLimit: 1, requiresTradeIn: true }
const product = { categoryCode: 'fridge', retired: false, energyGrade: 1, waterGrade: null, filedPriceFen: 599_900 }

function facts(overrides: Partial<RedemptionFacts> = {}): RedemptionFacts {
  return {
    merchantApproved: true,
    voucher: { status: 'active', expiresAt: new Date(now.getTime() + 3600_000) },
    eventPublished: true,
    enrolled: true,
    now,
    voucherCategory: 'fridge',
    voucherCapFen: 200_000,
    product,
    rule,
    priceFen: 499_900,
    hasOldItem: true,
    serialUsed: false,
    invoiceUsed: false,
    ...overrides,
  }
}

const codeOf = (f: RedemptionFacts) => {
  const d = decideRedemption(f)
  return d.ok ? 'OK' : d.refusal.code
}

describe('decideRedemption', () => {
  it('accepts and charges min(cap, floor(price × rate))', () => {
    expect(decideRedemption(facts())).toEqual({ ok: true, subsidyFen: 99_980, payableFen: 399_920 })
    expect(decideRedemption(facts({ priceFen: 599_900 }))).toEqual({ ok: true, subsidyFen: 119_980, payableFen: 479_920 })
  })

  it('never charges more than the qualification holds', () => {
    expect(decideRedemption(facts({ voucherCapFen: 50_000 }))).toEqual({ ok: true, subsidyFen: 50_000, payableFen: 449_900 })
  })

  it.each<[string, Partial<RedemptionFacts>]>([
    ['MERCHANT_NOT_APPROVED', { merchantApproved: false }],
    ['NOT_FOUND', { voucher: null }],
    ['VOUCHER_USED', { voucher: { status: 'redeemed', expiresAt: now } }],
    ['VOUCHER_EXPIRED', { voucher: { status: 'expired', expiresAt: now } }],
    ['VOUCHER_EXPIRED', { voucher: { status: 'cancelled', expiresAt: new Date(now.getTime() + 1000) } }],
    ['VOUCHER_EXPIRED', { voucher: { status: 'active', expiresAt: now } }],
    ['NOT_OPEN', { eventPublished: false }],
    ['NOT_ENROLLED', { enrolled: false }],
    ['NOT_FOUND', { product: null }],
    ['NOT_ELIGIBLE', { product: { ...product, retired: true } }],
    ['WRONG_CATEGORY', { product: { ...product, categoryCode: 'tv' } }],
    ['NOT_ELIGIBLE', { rule: null }],
    ['PRICE_ABOVE_FILED', { priceFen: 600_000 }],
    ['PRICE_ABOVE_CEILING', { rule: { ...rule, priceCeilingFen: 400_000 } }],
    ['NOT_ELIGIBLE', { product: { ...product, energyGrade: 3 } }],
    ['TRADE_IN_REQUIRED', { hasOldItem: false }],
    ['SN_ALREADY_REDEEMED', { serialUsed: true }],
    ['INVOICE_DUPLICATE', { invoiceUsed: true }],
  ])('refuses with %s', (code, overrides) => {
    expect(codeOf(facts(overrides))).toBe(code)
  })

  it('a trade-in is optional where the rule does not require it', () => {
    expect(codeOf(facts({ hasOldItem: false, rule: { ...rule, requiresTradeIn: false } }))).toBe('OK')
  })

  it('checks in the documented order: the first failing rule wins', () => {
    const all: Partial<RedemptionFacts> = {
      merchantApproved: false, voucher: { status: 'redeemed', expiresAt: now }, enrolled: false, product: { ...product, categoryCode: 'tv' },
      priceFen: 700_000, hasOldItem: false, serialUsed: true, invoiceUsed: true,
    }
    const order = ['MERCHANT_NOT_APPROVED', 'VOUCHER_USED', 'NOT_ENROLLED', 'WRONG_CATEGORY', 'PRICE_ABOVE_FILED', 'TRADE_IN_REQUIRED', 'SN_ALREADY_REDEEMED', 'INVOICE_DUPLICATE']
    const fixes: Array<Partial<RedemptionFacts>> = [
      { merchantApproved: true }, { voucher: { status: 'active', expiresAt: new Date(now.getTime() + 1000) } }, { enrolled: true },
      { product }, { priceFen: 499_900 }, { hasOldItem: true }, { serialUsed: false }, { invoiceUsed: false },
    ]
    let f = facts(all)
    for (let i = 0; i < order.length; i++) {
      expect(codeOf(f)).toBe(order[i])
      f = { ...f, ...fixes[i] }
    }
    expect(codeOf(f)).toBe('OK')
  })

  it('voucherRefusal is the counter lookup: null when redeemable', () => {
    expect(voucherRefusal(facts())).toBeNull()
    expect(voucherRefusal(facts({ enrolled: false }))?.code).toBe('NOT_ENROLLED')
  })
})

describe('helpers', () => {
  it('serialKey ignores case, spaces and dashes', () => {
    expect(serialKey('sn-123 a')).toBe(serialKey('SN123A'))
  })

  it('the void window is 10 minutes', () => {
    const created = new Date(now.getTime() - 10 * 60_000)
    expect(withinVoidWindow(created, now)).toBe(true)
    expect(withinVoidWindow(new Date(created.getTime() - 1), now)).toBe(false)
  })
})
