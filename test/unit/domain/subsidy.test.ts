import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/domain/errors'
import {
  calculateSubsidy,
  defaultRuleFor,
  describeRule,
  effectiveGrade,
  pctToBp,
  quoteSubsidy,
  type GradeKey,
  type ProductFacts,
  type SubsidyRule,
} from '../../../shared/domain/subsidy'

const appliance = defaultRuleFor('appliance', 'fridge')
const digital = defaultRuleFor('digital', 'phone')
const home = defaultRuleFor('home', 'sofa')
const nev = defaultRuleFor('car', 'nev')
const fuelCar = defaultRuleFor('car', 'fuel-car')

function rule(overrides: Partial<SubsidyRule>): SubsidyRule {
  return {
    ratePctByGrade: { 1: 20, 2: 15 },
    capFen: 200000,
    fixedFen: null,
    priceCeilingFen: null,
    perPersonLimit: 1,
    requiresTradeIn: true,
    ...overrides,
  }
}

function expectValidationError(fn: () => unknown): void {
  let caught: unknown
  try {
    fn()
  }
  catch (e) {
    caught = e
  }
  expect(caught).toBeInstanceOf(DomainError)
  expect((caught as DomainError).code).toBe('VALIDATION_FAILED')
}

describe('defaultRuleFor', () => {
  it('builds the appliance rule from subsidy-defaults.json', () => {
    expect(appliance).toEqual({
      ratePctByGrade: { 1: 20, 2: 15 },
      capFen: 200000,
      fixedFen: null,
      priceCeilingFen: null,
      perPersonLimit: 1,
      requiresTradeIn: true,
    })
  })

  it('allows three air conditioners per person', () => {
    expect(defaultRuleFor('appliance', 'ac').perPersonLimit).toBe(3)
    expect(defaultRuleFor('appliance', 'washer').perPersonLimit).toBe(1)
  })

  it('builds the gas rule', () => {
    expect(defaultRuleFor('gas', 'gas-water-heater')).toEqual({
      ratePctByGrade: { 1: 20, 2: 15 },
      capFen: 200000,
      fixedFen: null,
      priceCeilingFen: null,
      perPersonLimit: 1,
      requiresTradeIn: true,
    })
  })

  it('builds the home rule with a 15 % base rate for unlabelled items and no trade-in', () => {
    expect(home).toEqual({
      ratePctByGrade: { 1: 20, 2: 15, none: 15 },
      capFen: 200000,
      fixedFen: null,
      priceCeilingFen: null,
      perPersonLimit: 1,
      requiresTradeIn: false,
    })
  })

  it('builds the digital rule with its ¥500 cap and ¥6,000 ceiling', () => {
    expect(digital).toEqual({
      ratePctByGrade: { none: 15 },
      capFen: 50000,
      fixedFen: null,
      priceCeilingFen: 600000,
      perPersonLimit: 1,
      requiresTradeIn: false,
    })
  })

  it('builds the car rules with fixed amounts by powertrain', () => {
    expect(nev).toEqual({
      ratePctByGrade: null,
      capFen: null,
      fixedFen: 2000000,
      priceCeilingFen: null,
      perPersonLimit: 1,
      requiresTradeIn: true,
    })
    expect(fuelCar.fixedFen).toBe(1500000)
  })

  it('refuses a car category without a default amount', () => {
    expectValidationError(() => defaultRuleFor('car', 'motorbike'))
  })

  it('refuses an unknown kind', () => {
    expectValidationError(() => defaultRuleFor('boat' as 'car', 'nev'))
  })

  it('returns a fresh copy each time', () => {
    const a = defaultRuleFor('appliance', 'fridge')
    if (a.ratePctByGrade) a.ratePctByGrade['1'] = 99
    a.capFen = 1
    expect(defaultRuleFor('appliance', 'fridge').ratePctByGrade).toEqual({ 1: 20, 2: 15 })
    expect(defaultRuleFor('appliance', 'fridge').capFen).toBe(200000)
  })
})

describe('effectiveGrade', () => {
  it('takes the energy grade when only that is present', () => {
    expect(effectiveGrade({ energyGrade: 2, waterGrade: null })).toBe('2')
  })

  it('takes the water grade when only that is present', () => {
    expect(effectiveGrade({ energyGrade: null, waterGrade: 1 })).toBe('1')
  })

  it('takes the better (lower) of the two', () => {
    expect(effectiveGrade({ energyGrade: 3, waterGrade: 1 })).toBe('1')
    expect(effectiveGrade({ energyGrade: 1, waterGrade: 4 })).toBe('1')
    expect(effectiveGrade({ energyGrade: 5, waterGrade: 2 })).toBe('2')
  })

  it('is \'none\' without any label', () => {
    expect(effectiveGrade({ energyGrade: null, waterGrade: null })).toBe('none')
  })

  it.each([0, 6, 1.5, Number.NaN, -1])('refuses grade %s', (g) => {
    expectValidationError(() => effectiveGrade({ energyGrade: g, waterGrade: null }))
    expectValidationError(() => effectiveGrade({ energyGrade: null, waterGrade: g }))
  })
})

describe('pctToBp', () => {
  it('converts percentages to integer basis points', () => {
    expect(pctToBp(20)).toBe(2000)
    expect(pctToBp(15)).toBe(1500)
    expect(pctToBp(12.5)).toBe(1250)
    expect(pctToBp(0.07)).toBe(7) // 0.07 * 100 = 7.000000000000001
    expect(pctToBp(0)).toBe(0)
    expect(pctToBp(100)).toBe(10000)
  })

  it.each([-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (pct) => {
    expectValidationError(() => pctToBp(pct))
  })
})

describe('calculateSubsidy — appliances', () => {
  it('grade 1 at ¥4,000 gives ¥800 and ¥3,200 to pay', () => {
    expect(calculateSubsidy(appliance, '1', 400000)).toEqual({
      eligible: true,
      subsidyFen: 80000,
      payableFen: 320000,
      rateBp: 2000,
    })
  })

  it('grade 2 gets 15 %', () => {
    expect(calculateSubsidy(appliance, '2', 400000)).toEqual({
      eligible: true,
      subsidyFen: 60000,
      payableFen: 340000,
      rateBp: 1500,
    })
  })

  it('caps the subsidy at ¥2,000 per item', () => {
    // 20 % of ¥12,000 is ¥2,400
    expect(calculateSubsidy(appliance, '1', 1200000)).toEqual({
      eligible: true,
      subsidyFen: 200000,
      payableFen: 1000000,
      rateBp: 2000,
    })
  })

  it('reaches the cap exactly at ¥10,000 for grade 1', () => {
    expect(calculateSubsidy(appliance, '1', 1000000).subsidyFen).toBe(200000)
    expect(calculateSubsidy(appliance, '1', 999999).subsidyFen).toBe(199999)
  })

  it('floors to the fen', () => {
    // 333333 × 15 % = 49999.95 fen
    expect(calculateSubsidy(appliance, '2', 333333)).toEqual({
      eligible: true,
      subsidyFen: 49999,
      payableFen: 283334,
      rateBp: 1500,
    })
    // 4 × 20 % = 0.8 fen
    expect(calculateSubsidy(appliance, '1', 4).subsidyFen).toBe(0)
    // 12345 × 20 % = 2469 exactly
    expect(calculateSubsidy(appliance, '1', 12345).subsidyFen).toBe(2469)
  })

  it.each(['3', '4', '5', 'none'] as GradeKey[])('grade %s is not eligible', (grade) => {
    expect(calculateSubsidy(appliance, grade, 400000)).toEqual({
      eligible: false,
      subsidyFen: 0,
      payableFen: 400000,
      reason: 'NOT_ELIGIBLE',
    })
  })

  it('a zero price gives a zero subsidy', () => {
    expect(calculateSubsidy(appliance, '1', 0)).toEqual({ eligible: true, subsidyFen: 0, payableFen: 0, rateBp: 2000 })
  })

  it('subsidy + payable always equals the price', () => {
    for (const price of [1, 7, 99, 12345, 333333, 999999, 1234567, 98765432]) {
      for (const grade of ['1', '2'] as GradeKey[]) {
        const q = calculateSubsidy(appliance, grade, price)
        expect(q.subsidyFen + q.payableFen).toBe(price)
        expect(q.subsidyFen).toBeLessThanOrEqual(200000)
      }
    }
  })

  it('is exact for prices where price × rate would exceed 2^53', () => {
    const price = Number.MAX_SAFE_INTEGER // 9007199254740991 × 15 % = 1351079888211148.65
    expect(calculateSubsidy(rule({ capFen: null }), '2', price)).toEqual({
      eligible: true,
      subsidyFen: 1351079888211148,
      payableFen: price - 1351079888211148,
      rateBp: 1500,
    })
  })
})

describe('calculateSubsidy — exact integer arithmetic', () => {
  it('equals floor(price × bp / 10000) computed in BigInt, for any safe price and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10000 }),
        (price, bp) => {
          const q = calculateSubsidy(rule({ ratePctByGrade: { 1: bp / 100 }, capFen: null }), '1', price)
          const expected = Number((BigInt(price) * BigInt(bp)) / BigInt(10000))
          expect(q).toEqual({ eligible: true, subsidyFen: expected, payableFen: price - expected, rateBp: bp })
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('calculateSubsidy — home, digital, car', () => {
  it('home: unlabelled furniture gets 15 %', () => {
    expect(calculateSubsidy(home, 'none', 500000)).toEqual({
      eligible: true,
      subsidyFen: 75000,
      payableFen: 425000,
      rateBp: 1500,
    })
  })

  it('home: grade-1 items get 20 %, capped at ¥2,000', () => {
    expect(calculateSubsidy(home, '1', 500000).subsidyFen).toBe(100000)
    expect(calculateSubsidy(home, '1', 2000000).subsidyFen).toBe(200000)
  })

  it('home: labelled grade 3 is not eligible', () => {
    expect(calculateSubsidy(home, '3', 500000)).toMatchObject({ eligible: false, reason: 'NOT_ELIGIBLE' })
  })

  it('digital: 15 % up to ¥500', () => {
    expect(calculateSubsidy(digital, 'none', 299900)).toEqual({
      eligible: true,
      subsidyFen: 44985,
      payableFen: 254915,
      rateBp: 1500,
    })
  })

  it('digital: ¥6,000 exactly is allowed and capped at ¥500', () => {
    // 600000 × 15 % = 90000, capped to 50000
    expect(calculateSubsidy(digital, 'none', 600000)).toEqual({
      eligible: true,
      subsidyFen: 50000,
      payableFen: 550000,
      rateBp: 1500,
    })
  })

  it('digital: one fen above ¥6,000 is refused', () => {
    expect(calculateSubsidy(digital, 'none', 600001)).toEqual({
      eligible: false,
      subsidyFen: 0,
      payableFen: 600001,
      reason: 'PRICE_ABOVE_CEILING',
    })
  })

  it('the ceiling is checked before the grade', () => {
    expect(calculateSubsidy(digital, '3', 700000)).toMatchObject({ reason: 'PRICE_ABOVE_CEILING' })
    expect(calculateSubsidy(digital, '3', 500000)).toMatchObject({ reason: 'NOT_ELIGIBLE' })
  })

  it('car: NEV gets a fixed ¥20,000 whatever the grade', () => {
    expect(calculateSubsidy(nev, 'none', 15000000)).toEqual({
      eligible: true,
      subsidyFen: 2000000,
      payableFen: 13000000,
      rateBp: null,
    })
    expect(calculateSubsidy(nev, '5', 15000000).subsidyFen).toBe(2000000)
  })

  it('car: fuel car gets a fixed ¥15,000', () => {
    expect(calculateSubsidy(fuelCar, 'none', 9800000)).toEqual({
      eligible: true,
      subsidyFen: 1500000,
      payableFen: 8300000,
      rateBp: null,
    })
  })

  it('car: the fixed amount never exceeds the price', () => {
    expect(calculateSubsidy(nev, 'none', 1200000)).toEqual({
      eligible: true,
      subsidyFen: 1200000,
      payableFen: 0,
      rateBp: null,
    })
    expect(calculateSubsidy(nev, 'none', 0)).toEqual({ eligible: true, subsidyFen: 0, payableFen: 0, rateBp: null })
  })

  it('a fixed rule also honours a price ceiling', () => {
    const capped = { ...nev, priceCeilingFen: 30000000 }
    expect(calculateSubsidy(capped, 'none', 30000001)).toMatchObject({ eligible: false, reason: 'PRICE_ABOVE_CEILING' })
    expect(calculateSubsidy(capped, 'none', 30000000)).toMatchObject({ eligible: true, subsidyFen: 2000000 })
  })

  it('a rule without a cap gives the full percentage', () => {
    expect(calculateSubsidy(rule({ capFen: null }), '1', 5000000).subsidyFen).toBe(1000000)
  })

  it('a rule without rates makes nothing eligible', () => {
    expect(calculateSubsidy(rule({ ratePctByGrade: null }), '1', 100000)).toMatchObject({
      eligible: false,
      reason: 'NOT_ELIGIBLE',
    })
  })

  it('handles fractional percentages through basis points', () => {
    // 12.5 % of 100001 fen = 12500.125 → 12500
    expect(calculateSubsidy(rule({ ratePctByGrade: { 1: 12.5 } }), '1', 100001)).toEqual({
      eligible: true,
      subsidyFen: 12500,
      payableFen: 87501,
      rateBp: 1250,
    })
  })
})

describe('calculateSubsidy — refusals of bad input', () => {
  it.each([-1, -100000, 0.5, 1234.56, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'throws VALIDATION_FAILED for price %s',
    (price) => {
      expectValidationError(() => calculateSubsidy(appliance, '1', price))
    },
  )

  it('throws for a malformed rule', () => {
    expectValidationError(() => calculateSubsidy(rule({ capFen: -1 }), '1', 100))
    expectValidationError(() => calculateSubsidy(rule({ fixedFen: 1.5 }), '1', 100))
    expectValidationError(() => calculateSubsidy(rule({ priceCeilingFen: Number.NaN }), '1', 100))
    expectValidationError(() => calculateSubsidy(rule({ ratePctByGrade: { 1: 150 } }), '1', 100))
  })
})

describe('quoteSubsidy', () => {
  const fridge: ProductFacts = { energyGrade: 1, waterGrade: null, filedPriceFen: 500000 }

  it('quotes a grade-1 fridge at its filed price', () => {
    expect(quoteSubsidy(appliance, fridge, 500000)).toEqual({
      eligible: true,
      subsidyFen: 100000,
      payableFen: 400000,
      rateBp: 2000,
    })
  })

  it('quotes below the filed price', () => {
    expect(quoteSubsidy(appliance, fridge, 400000)).toEqual({
      eligible: true,
      subsidyFen: 80000,
      payableFen: 320000,
      rateBp: 2000,
    })
  })

  it('refuses a price one fen above the filed price', () => {
    expect(quoteSubsidy(appliance, fridge, 500001)).toEqual({
      eligible: false,
      subsidyFen: 0,
      payableFen: 500001,
      reason: 'PRICE_ABOVE_FILED',
    })
  })

  it('uses the better of energy and water grade', () => {
    const dishwasher: ProductFacts = { energyGrade: 3, waterGrade: 2, filedPriceFen: 600000 }
    expect(quoteSubsidy(appliance, dishwasher, 400000)).toMatchObject({ eligible: true, subsidyFen: 60000 })
  })

  it('refuses a grade-3 product as not eligible', () => {
    const old: ProductFacts = { energyGrade: 3, waterGrade: null, filedPriceFen: 500000 }
    expect(quoteSubsidy(appliance, old, 400000)).toEqual({
      eligible: false,
      subsidyFen: 0,
      payableFen: 400000,
      reason: 'NOT_ELIGIBLE',
    })
  })

  it('quotes unlabelled furniture on the home rule', () => {
    const sofa: ProductFacts = { energyGrade: null, waterGrade: null, filedPriceFen: 800000 }
    expect(quoteSubsidy(home, sofa, 800000)).toMatchObject({ eligible: true, subsidyFen: 120000, payableFen: 680000 })
  })

  it('checks the filed price first, then the ceiling, then the grade', () => {
    // above filed and above ceiling and ineligible grade → filed wins
    const phone: ProductFacts = { energyGrade: 4, waterGrade: null, filedPriceFen: 650000 }
    expect(quoteSubsidy(digital, phone, 700000)).toMatchObject({ reason: 'PRICE_ABOVE_FILED' })
    // within filed, above ceiling, ineligible grade → ceiling
    expect(quoteSubsidy(digital, phone, 640000)).toMatchObject({ reason: 'PRICE_ABOVE_CEILING' })
    // within both → grade
    expect(quoteSubsidy(digital, phone, 500000)).toMatchObject({ reason: 'NOT_ELIGIBLE' })
  })

  it('quotes a car at the fixed amount below its filed price', () => {
    const car: ProductFacts = { energyGrade: null, waterGrade: null, filedPriceFen: 16000000 }
    expect(quoteSubsidy(nev, car, 15800000)).toEqual({
      eligible: true,
      subsidyFen: 2000000,
      payableFen: 13800000,
      rateBp: null,
    })
    expect(quoteSubsidy(nev, car, 16000001)).toMatchObject({ reason: 'PRICE_ABOVE_FILED' })
  })

  it('a zero price is eligible with a zero subsidy', () => {
    expect(quoteSubsidy(appliance, fridge, 0)).toEqual({ eligible: true, subsidyFen: 0, payableFen: 0, rateBp: 2000 })
  })

  it.each([-1, 0.5, Number.NaN])('throws VALIDATION_FAILED for price %s', (price) => {
    expectValidationError(() => quoteSubsidy(appliance, fridge, price))
  })

  it('throws VALIDATION_FAILED for a bad filed price or grade', () => {
    expectValidationError(() => quoteSubsidy(appliance, { ...fridge, filedPriceFen: -1 }, 100))
    expectValidationError(() => quoteSubsidy(appliance, { ...fridge, filedPriceFen: 10.5 }, 100))
    expectValidationError(() => quoteSubsidy(appliance, { ...fridge, energyGrade: 7 }, 100))
  })
})

describe('describeRule', () => {
  it('describes a rate rule, best grade first and none last', () => {
    const r = rule({ ratePctByGrade: { none: 10, 2: 15, 1: 20 }, priceCeilingFen: 900000 })
    expect(describeRule(r)).toEqual({
      kind: 'rate',
      rates: [
        { grade: '1', pct: 20 },
        { grade: '2', pct: 15 },
        { grade: 'none', pct: 10 },
      ],
      capFen: 200000,
      priceCeilingFen: 900000,
      perPersonLimit: 1,
      requiresTradeIn: true,
    })
  })

  it('describes the digital default', () => {
    expect(describeRule(digital)).toEqual({
      kind: 'rate',
      rates: [{ grade: 'none', pct: 15 }],
      capFen: 50000,
      priceCeilingFen: 600000,
      perPersonLimit: 1,
      requiresTradeIn: false,
    })
  })

  it('describes the air-conditioner limit', () => {
    expect(describeRule(defaultRuleFor('appliance', 'ac'))).toMatchObject({ kind: 'rate', perPersonLimit: 3 })
  })

  it('describes a fixed rule', () => {
    expect(describeRule(nev)).toEqual({ kind: 'fixed', fixedFen: 2000000, perPersonLimit: 1, requiresTradeIn: true })
  })

  it('describes a rule without rates as an empty rate list', () => {
    expect(describeRule(rule({ ratePctByGrade: null, capFen: null }))).toMatchObject({
      kind: 'rate',
      rates: [],
      capFen: null,
    })
  })
})
