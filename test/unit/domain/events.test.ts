import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/domain/errors'
import {
  countdownParts,
  nextReleaseOpening,
  publicEventStatus,
  releaseState,
  remaining,
} from '../../../shared/domain/events'

const startsAt = new Date('2026-05-01T00:00:00+08:00')
const endsAt = new Date('2026-06-01T00:00:00+08:00')
const during = new Date('2026-05-15T12:00:00+08:00')
const before = new Date('2026-04-30T23:59:59+08:00')
const after = new Date('2026-06-02T00:00:00+08:00')

describe('publicEventStatus', () => {
  it('hides drafts whatever the time', () => {
    for (const now of [before, during, after]) {
      expect(publicEventStatus({ status: 'draft', startsAt, endsAt }, now)).toBeNull()
    }
  })

  it('a closed event has ended, even during its period', () => {
    for (const now of [before, during, after]) {
      expect(publicEventStatus({ status: 'closed', startsAt, endsAt }, now)).toBe('ended')
    }
  })

  it('a published event is upcoming, current, then ended', () => {
    const e = { status: 'published' as const, startsAt, endsAt }
    expect(publicEventStatus(e, before)).toBe('upcoming')
    expect(publicEventStatus(e, during)).toBe('current')
    expect(publicEventStatus(e, after)).toBe('ended')
  })

  it('is current from the start instant and ended at the end instant', () => {
    const e = { status: 'published' as const, startsAt, endsAt }
    expect(publicEventStatus(e, new Date(startsAt.getTime() - 1))).toBe('upcoming')
    expect(publicEventStatus(e, new Date(startsAt.getTime()))).toBe('current')
    expect(publicEventStatus(e, new Date(endsAt.getTime() - 1))).toBe('current')
    expect(publicEventStatus(e, new Date(endsAt.getTime()))).toBe('ended')
  })

  it('throws VALIDATION_FAILED for an invalid date', () => {
    expect(() => publicEventStatus({ status: 'published', startsAt: new Date('x'), endsAt }, during)).toThrow(DomainError)
    expect(() => publicEventStatus({ status: 'published', startsAt, endsAt }, new Date(Number.NaN))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    )
  })
})

describe('remaining', () => {
  it('is quota minus claimed', () => {
    expect(remaining({ quota: 500, claimed: 120 })).toBe(380)
    expect(remaining({ quota: 500, claimed: 0 })).toBe(500)
    expect(remaining({ quota: 500, claimed: 500 })).toBe(0)
  })

  it('never goes below zero', () => {
    expect(remaining({ quota: 500, claimed: 501 })).toBe(0)
    expect(remaining({ quota: 0, claimed: 0 })).toBe(0)
  })
})

describe('releaseState', () => {
  const opensAt = new Date('2026-05-01T10:00:00+08:00')
  const closesAt = new Date('2026-05-01T22:00:00+08:00')
  const r = { opensAt, closesAt, quota: 200, claimed: 50 }

  it('is scheduled before it opens', () => {
    expect(releaseState(r, new Date(opensAt.getTime() - 1))).toBe('scheduled')
  })

  it('is open from the opening instant while quota remains', () => {
    expect(releaseState(r, opensAt)).toBe('open')
    expect(releaseState({ ...r, claimed: 199 }, new Date('2026-05-01T15:00:00+08:00'))).toBe('open')
  })

  it('is sold out once the quota is used', () => {
    expect(releaseState({ ...r, claimed: 200 }, new Date('2026-05-01T10:00:05+08:00'))).toBe('sold_out')
    expect(releaseState({ ...r, claimed: 201 }, new Date('2026-05-01T10:00:05+08:00'))).toBe('sold_out')
    expect(releaseState({ ...r, quota: 0, claimed: 0 }, opensAt)).toBe('sold_out')
  })

  it('is closed at and after the closing instant, even when sold out', () => {
    expect(releaseState(r, closesAt)).toBe('closed')
    expect(releaseState({ ...r, claimed: 200 }, closesAt)).toBe('closed')
    expect(releaseState(r, new Date(closesAt.getTime() - 1))).toBe('open')
  })

  it('is scheduled before opening even when already full', () => {
    expect(releaseState({ ...r, claimed: 200 }, new Date(opensAt.getTime() - 1000))).toBe('scheduled')
  })
})

describe('nextReleaseOpening', () => {
  const day = (d: number, h = 10) => new Date(Date.UTC(2026, 4, d, h - 8))
  const releases = [
    { opensAt: day(3), closesAt: day(3, 22) },
    { opensAt: day(1), closesAt: day(1, 22) },
    { opensAt: day(2), closesAt: day(2, 22) },
  ]

  it('finds the earliest opening after now, in any order', () => {
    expect(nextReleaseOpening(releases, day(1, 9))).toEqual(day(1))
    expect(nextReleaseOpening(releases, day(1, 12))).toEqual(day(2))
    expect(nextReleaseOpening(releases, day(2, 23))).toEqual(day(3))
  })

  it('excludes a release opening exactly now', () => {
    expect(nextReleaseOpening(releases, day(2))).toEqual(day(3))
  })

  it('is null when nothing opens later', () => {
    expect(nextReleaseOpening(releases, day(3))).toBeNull()
    expect(nextReleaseOpening([], day(1))).toBeNull()
  })

  it('returns a copy, not the caller’s Date', () => {
    const next = nextReleaseOpening(releases, day(1, 12))
    expect(next).not.toBe(releases[2]?.opensAt)
    expect(next?.getTime()).toBe(day(2).getTime())
  })
})

describe('countdownParts', () => {
  const now = new Date('2026-05-01T09:00:00+08:00')

  it('splits into days, hours, minutes and seconds', () => {
    const target = new Date(now.getTime() + ((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000 + 678)
    expect(countdownParts(target, now)).toEqual({
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
      totalMs: 183845678,
    })
  })

  it('one hour to the 10:00 release', () => {
    expect(countdownParts(new Date('2026-05-01T10:00:00+08:00'), now)).toEqual({
      days: 0,
      hours: 1,
      minutes: 0,
      seconds: 0,
      totalMs: 3600000,
    })
  })

  it('is all zero at or after the target', () => {
    const zero = { days: 0, hours: 0, minutes: 0, seconds: 0, totalMs: 0 }
    expect(countdownParts(now, now)).toEqual(zero)
    expect(countdownParts(new Date(now.getTime() - 5000), now)).toEqual(zero)
  })

  it('counts whole seconds down (floor)', () => {
    expect(countdownParts(new Date(now.getTime() + 999), now)).toEqual({
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      totalMs: 999,
    })
    expect(countdownParts(new Date(now.getTime() + 59_999), now)).toMatchObject({ minutes: 0, seconds: 59 })
  })

  it('throws VALIDATION_FAILED for an invalid date', () => {
    expect(() => countdownParts(new Date('nope'), now)).toThrow(DomainError)
  })
})
