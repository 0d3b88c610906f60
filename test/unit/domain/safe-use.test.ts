import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/domain/errors'
import { checkSafeUse } from '../../../shared/domain/safe-use'

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

describe('checkSafeUse — gas appliances (GB 17905-2008)', () => {
  it('a 9-year-old natural-gas water heater is one year past its 8-year life', () => {
    expect(checkSafeUse({ safeUseYears: 8, ageYears: 9, gasType: 'natural' }, 'gas-water-heater')).toEqual({
      known: true,
      safeUseYears: 8,
      past: true,
      yearsOver: 1,
      standard: 'GB 17905-2008',
    })
  })

  it('exactly 8 years counts as past (reached)', () => {
    expect(checkSafeUse({ safeUseYears: 8, ageYears: 8, gasType: 'lpg' }, 'gas-water-heater')).toEqual({
      known: true,
      safeUseYears: 8,
      past: true,
      yearsOver: 0,
      standard: 'GB 17905-2008',
    })
  })

  it('7 years on LPG is not past', () => {
    expect(checkSafeUse({ safeUseYears: 8, ageYears: 7, gasType: 'lpg' }, 'gas-water-heater')).toEqual({
      known: true,
      safeUseYears: 8,
      past: false,
      yearsOver: 0,
      standard: 'GB 17905-2008',
    })
  })

  it('on manufactured gas the life is 6 years, even when the category says 8', () => {
    expect(checkSafeUse({ safeUseYears: 8, ageYears: 7, gasType: 'manufactured' }, 'gas-water-heater')).toEqual({
      known: true,
      safeUseYears: 6,
      past: true,
      yearsOver: 1,
      standard: 'GB 17905-2008',
    })
    expect(checkSafeUse({ safeUseYears: null, ageYears: 5, gasType: 'manufactured' }, 'gas-water-heater')).toMatchObject({
      safeUseYears: 6,
      past: false,
    })
    expect(checkSafeUse({ safeUseYears: null, ageYears: 6, gasType: 'manufactured' }, 'gas-water-heater')).toMatchObject({
      past: true,
      yearsOver: 0,
    })
  })

  it('without a gas type the water heater uses 8 years', () => {
    expect(checkSafeUse({ safeUseYears: null, ageYears: 7 }, 'gas-water-heater')).toMatchObject({
      known: true,
      safeUseYears: 8,
      past: false,
    })
  })

  it('a gas stove has an 8-year life whatever the gas', () => {
    expect(checkSafeUse({ safeUseYears: null, ageYears: 10, gasType: 'manufactured' }, 'gas-stove')).toEqual({
      known: true,
      safeUseYears: 8,
      past: true,
      yearsOver: 2,
      standard: 'GB 17905-2008',
    })
  })
})

describe('checkSafeUse — household appliances (T/CHEAA 0011)', () => {
  it.each([
    ['fridge', 10],
    ['ac', 10],
    ['washer', 8],
    ['e-water-heater', 8],
    ['range-hood', 8],
  ])('%s falls back to the published %i years', (code, years) => {
    expect(checkSafeUse({ safeUseYears: null, ageYears: years - 1 }, code)).toEqual({
      known: true,
      safeUseYears: years,
      past: false,
      yearsOver: 0,
      standard: 'T/CHEAA 0011',
    })
    expect(checkSafeUse({ safeUseYears: null, ageYears: years + 3 }, code)).toEqual({
      known: true,
      safeUseYears: years,
      past: true,
      yearsOver: 3,
      standard: 'T/CHEAA 0011',
    })
  })

  it('keeps fractional ages', () => {
    expect(checkSafeUse({ safeUseYears: 10, ageYears: 12.5 }, 'fridge')).toMatchObject({ past: true, yearsOver: 2.5 })
    expect(checkSafeUse({ safeUseYears: 10, ageYears: 9.9 }, 'fridge')).toMatchObject({ past: false, yearsOver: 0 })
  })

  it('a configured life overrides the standard and is not attributed to it', () => {
    expect(checkSafeUse({ safeUseYears: 12, ageYears: 11 }, 'fridge')).toEqual({
      known: true,
      safeUseYears: 12,
      past: false,
      yearsOver: 0,
      standard: null,
    })
  })

  it('a configured life for a category without a standard is used', () => {
    expect(checkSafeUse({ safeUseYears: 10, ageYears: 12 }, 'sofa')).toEqual({
      known: true,
      safeUseYears: 10,
      past: true,
      yearsOver: 2,
      standard: null,
    })
  })
})

describe('checkSafeUse — unknown lives', () => {
  it.each(['tv', 'computer', 'sofa', 'phone', 'nev', 'unknown-category', 'toString', '__proto__'])('%s has no known life', (code) => {
    expect(checkSafeUse({ safeUseYears: null, ageYears: 15 }, code)).toEqual({
      known: false,
      safeUseYears: null,
      past: null,
      yearsOver: 0,
      standard: null,
    })
  })

  it('a new item (age 0) is not past', () => {
    expect(checkSafeUse({ safeUseYears: null, ageYears: 0 }, 'fridge')).toMatchObject({ past: false, yearsOver: 0 })
  })

  it('age 100 is accepted', () => {
    expect(checkSafeUse({ safeUseYears: null, ageYears: 100 }, 'fridge')).toMatchObject({ past: true, yearsOver: 90 })
  })
})

describe('checkSafeUse — refusals', () => {
  it.each([-1, -0.5, 100.1, 101, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'throws VALIDATION_FAILED for age %s',
    (age) => {
      expectValidationError(() => checkSafeUse({ safeUseYears: 8, ageYears: age }, 'gas-water-heater'))
    },
  )

  it.each([0, -8, Number.NaN, Number.POSITIVE_INFINITY])('throws VALIDATION_FAILED for a life of %s', (life) => {
    expectValidationError(() => checkSafeUse({ safeUseYears: life, ageYears: 5 }, 'fridge'))
  })
})
