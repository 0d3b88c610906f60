import { describe, expect, it } from 'vitest'
import {
  chinaClock, chinaDate, chinaDayStart, chinaMonth, chinaMonthRange, chinaWallTime, fromChinaLocalInput, isChinaMidnight, toChinaLocalInput,
} from '#shared/domain/china-time'

describe('China time (UTC+8, no daylight saving)', () => {
  it('the China day starts at 16:00 UTC the day before', () => {
    expect(chinaDayStart(new Date('2026-11-28T15:59:59Z')).toISOString()).toBe('2026-11-27T16:00:00.000Z')
    expect(chinaDayStart(new Date('2026-11-28T16:00:00Z')).toISOString()).toBe('2026-11-28T16:00:00.000Z')
    expect(chinaDayStart('2026-11-28T16:00:00+08:00').toISOString()).toBe('2026-11-27T16:00:00.000Z')
  })

  it('dates, months and clocks read in China whatever the machine zone', () => {
    const justAfterMidnight = new Date('2026-11-30T16:05:00Z')
    expect(chinaDate(justAfterMidnight)).toBe('2026-12-01')
    expect(chinaMonth(justAfterMidnight)).toBe('2026-12')
    expect(chinaClock(justAfterMidnight)).toBe('00:05')
    expect(isChinaMidnight('2026-12-01T00:00:00+08:00')).toBe(true)
    expect(isChinaMidnight('2026-12-01T00:00:01+08:00')).toBe(false)
  })

  it('a wall-clock time and a month range, across the end of the year', () => {
    expect(chinaWallTime(2026, 10, 1, 10).toISOString()).toBe('2026-10-01T02:00:00.000Z')
    const december = chinaMonthRange('2026-12')
    expect(december.from.toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(december.to.toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('datetime-local inputs go both ways as China time; odd input is passed on', () => {
    expect(toChinaLocalInput('2026-05-01T01:00:00Z')).toBe('2026-05-01T09:00')
    expect(toChinaLocalInput(null)).toBe('')
    expect(toChinaLocalInput('not a date')).toBe('')
    expect(fromChinaLocalInput('2026-05-01T09:00')).toBe('2026-05-01T09:00:00+08:00')
    expect(Date.parse(fromChinaLocalInput(toChinaLocalInput('2026-05-01T01:00:00Z')))).toBe(Date.parse('2026-05-01T01:00:00Z'))
    expect(fromChinaLocalInput('tomorrow')).toBe('tomorrow')
  })
})
