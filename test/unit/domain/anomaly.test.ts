import { describe, expect, it } from 'vitest'
import {
  ANOMALY_FLAGS,
  dailySpike,
  priceNearFiled,
  redemptionFlags,
  withFlag,
  type RedemptionContext,
} from '#shared/domain/anomaly'
import { isOpenAt, parseOpeningHours } from '#shared/domain/opening-hours'

/** 2026-11-28 14:30 in China. */
const afternoon = new Date('2026-11-28T06:30:00Z')

const ordinary: RedemptionContext = {
  priceFen: 400_000,
  filedPriceFen: 500_000,
  personSameDay: 1,
  merchantSameDay: 4,
  merchantHistory: 56,
  openingHours: '09:00-21:00',
  at: afternoon,
}

describe('anomaly flags (rule 11)', () => {
  it('an ordinary sale carries no flag', () => {
    expect(redemptionFlags(ordinary)).toEqual([])
  })

  it('flags a price within 2 % of the filed price, not below', () => {
    expect(priceNearFiled(98_000, 100_000)).toBe(true)
    expect(priceNearFiled(97_999, 100_000)).toBe(false)
    expect(redemptionFlags({ ...ordinary, priceFen: 490_000 })).toEqual(['PRICE_NEAR_FILED'])
    expect(redemptionFlags({ ...ordinary, priceFen: 489_999 })).toEqual([])
  })

  it('flags the third redemption of one identity on one day, not the second', () => {
    expect(redemptionFlags({ ...ordinary, personSameDay: 2 })).toEqual([])
    expect(redemptionFlags({ ...ordinary, personSameDay: 3 })).toEqual(['PERSON_SEVERAL_IN_DAY'])
  })

  it('a merchant day is a spike at 3× its 14-day mean and at least 10 sales', () => {
    // Mean 4/day over 14 days = 56: 12 is exactly 3×.
    expect(dailySpike(12, 56)).toBe(true)
    expect(dailySpike(11, 56)).toBe(false)
    // A new shop's first busy day: below the floor of 10, never a spike.
    expect(dailySpike(9, 0)).toBe(false)
    expect(dailySpike(10, 0)).toBe(true)
    expect(redemptionFlags({ ...ordinary, merchantSameDay: 12 })).toEqual(['MERCHANT_DAILY_SPIKE'])
  })

  it('flags sales outside the filed opening hours, with 30 minutes of grace', () => {
    const at = (hhmm: string) => new Date(`2026-11-28T${hhmm}:00+08:00`)
    expect(redemptionFlags({ ...ordinary, at: at('21:29') })).toEqual([])
    expect(redemptionFlags({ ...ordinary, at: at('21:30') })).toEqual(['OUTSIDE_OPENING_HOURS'])
    expect(redemptionFlags({ ...ordinary, at: at('08:30') })).toEqual([])
    expect(redemptionFlags({ ...ordinary, at: at('08:29') })).toEqual(['OUTSIDE_OPENING_HOURS'])
    expect(redemptionFlags({ ...ordinary, at: at('03:00') })).toEqual(['OUTSIDE_OPENING_HOURS'])
    // Unreadable hours: nothing to compare with, no flag.
    expect(redemptionFlags({ ...ordinary, openingHours: '全天', at: at('03:00') })).toEqual([])
  })

  it('several flags come together, in a fixed order', () => {
    expect(redemptionFlags({ ...ordinary, priceFen: 500_000, personSameDay: 4, merchantSameDay: 30, at: new Date('2026-11-28T23:50:00+08:00') }))
      .toEqual(['PRICE_NEAR_FILED', 'PERSON_SEVERAL_IN_DAY', 'MERCHANT_DAILY_SPIKE', 'OUTSIDE_OPENING_HOURS'])
  })

  it('withFlag adds SN_TRIED_TWICE once, in order', () => {
    expect(withFlag(['PRICE_NEAR_FILED', 'OUTSIDE_OPENING_HOURS'], 'SN_TRIED_TWICE')).toEqual(['PRICE_NEAR_FILED', 'SN_TRIED_TWICE', 'OUTSIDE_OPENING_HOURS'])
    expect(withFlag(['SN_TRIED_TWICE'], 'SN_TRIED_TWICE')).toEqual(['SN_TRIED_TWICE'])
    expect(ANOMALY_FLAGS).toContain('SN_TRIED_TWICE')
  })
})

describe('opening hours', () => {
  it('reads one or several intervals', () => {
    expect(parseOpeningHours('09:00-21:00')).toEqual({ intervals: [{ opensMin: 540, closesMin: 1260 }] })
    expect(parseOpeningHours('09:00-12:00, 14:00-21:00')?.intervals).toHaveLength(2)
    expect(parseOpeningHours('9:00至21:30')).toEqual({ intervals: [{ opensMin: 540, closesMin: 1290 }] })
    expect(parseOpeningHours('全天营业')).toBeNull()
    expect(parseOpeningHours('09:00-21:00, soon')).toBeNull()
  })

  it('open between intervals is closed; hours past midnight wrap', () => {
    const split = parseOpeningHours('09:00-12:00, 14:00-21:00')!
    expect(isOpenAt(split, '11:59')).toBe(true)
    expect(isOpenAt(split, '13:00')).toBe(false)
    expect(isOpenAt(split, '14:00')).toBe(true)
    const late = parseOpeningHours('20:00-02:00')!
    expect(isOpenAt(late, '01:59')).toBe(true)
    expect(isOpenAt(late, '02:00')).toBe(false)
    expect(isOpenAt(late, '02:29', 30)).toBe(true)
    expect(isOpenAt(late, '19:30', 30)).toBe(true)
    expect(isOpenAt(late, '19:29', 30)).toBe(false)
  })

  it('grace that covers the whole day means always open', () => {
    expect(isOpenAt(parseOpeningHours('00:30-23:45')!, '00:10', 30)).toBe(true)
  })
})
