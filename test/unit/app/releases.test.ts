import { chinaDate, isChinaMidnight } from '#shared/domain/china-time'
import { describe, expect, it } from 'vitest'
import { chooseRelease } from '#shared/domain/vouchers'
import type { ReleaseDto } from '#shared/types/public'
import {
  recordOwnClaim, recordSoldOut, releaseFor, releasePerCategory, runningBatchLabel, withOwnClaims,
} from '~~/app/utils/releases'

// 12:00 in China (UTC+8).
const now = new Date('2026-11-28T04:00:00Z')
const china = (hhmm: string, day = '2026-11-28') => new Date(`${day}T${hhmm}:00+08:00`).toISOString()

function release(id: string, opens: string, closes: string, quota: number, remaining: number, categoryCode = 'fridge'): ReleaseDto {
  const t = now.getTime()
  const state = t < Date.parse(opens) ? 'scheduled' : t >= Date.parse(closes) ? 'closed' : remaining === 0 ? 'sold_out' : 'open'
  return { id, categoryCode, opensAt: opens, closesAt: closes, quota, remaining, state }
}

/** What the server would charge a claim to, for the same figures. */
function serverChoice(releases: ReleaseDto[]): string | null {
  const choice = chooseRelease(releases.map(r => ({ id: r.id, opensAt: new Date(r.opensAt), closesAt: new Date(r.closesAt), quota: r.quota, claimed: r.quota - r.remaining })), now)
  return choice.ok ? choice.release.id : null
}

/** The quota list's and the claim button's choice for fridges: both go through releaseFor. */
function shown(releases: ReleaseDto[]): { list: string | undefined, button: string | undefined } {
  return {
    list: releasePerCategory(releases, ['fridge'], now)[0]?.release.id,
    button: releaseFor(releases, 'fridge', now)?.release.id,
  }
}

describe('the batch an event page shows per category, with two overlapping batches', () => {
  // The earlier batch (10:00–22:00) is sold out; a later one (11:00–20:00) still has room.
  const soldOut = release('early-sold-out', china('10:00'), china('22:00'), 50, 0)
  const withRoom = release('later-open', china('11:00'), china('20:00'), 20, 7)

  it('shows the open one, not the earlier opened sold-out one, in the list and on the button alike', () => {
    for (const releases of [[soldOut, withRoom], [withRoom, soldOut]]) {
      expect(shown(releases)).toEqual({ list: 'later-open', button: 'later-open' })
      expect(serverChoice(releases)).toBe('later-open')
      expect(releasePerCategory(releases, ['fridge'], now)[0]).toMatchObject({ when: 'now', release: { remaining: 7 } })
    }
  })

  it('shows the open one even when it closes after the sold-out one', () => {
    const closesLater = release('later-open', china('11:00'), china('23:00'), 20, 7)
    expect(shown([soldOut, closesLater])).toEqual({ list: 'later-open', button: 'later-open' })
    expect(serverChoice([soldOut, closesLater])).toBe('later-open')
  })

  it('of two open ones, shows the one closing first (the one the server charges), not the earlier opened one', () => {
    const earlyLong = release('early-long', china('10:00'), china('22:00'), 50, 12)
    const lateShort = release('late-short', china('11:00'), china('14:00'), 20, 3)
    for (const releases of [[earlyLong, lateShort], [lateShort, earlyLong]]) {
      expect(shown(releases)).toEqual({ list: 'late-short', button: 'late-short' })
      expect(serverChoice(releases)).toBe('late-short')
    }
  })

  it('shows a sold-out running batch (the one closing first) when no running batch has room', () => {
    const alsoSoldOut = release('late-sold-out', china('11:00'), china('20:00'), 20, 0)
    expect(shown([soldOut, alsoSoldOut])).toEqual({ list: 'late-sold-out', button: 'late-sold-out' })
    expect(serverChoice([soldOut, alsoSoldOut])).toBeNull()
    expect(releaseFor([soldOut, alsoSoldOut], 'fridge', now)).toMatchObject({ when: 'now', release: { remaining: 0 } })
  })

  it('shows the next batch to open when none runs, and the last one once all have closed', () => {
    const tomorrow = release('tomorrow', china('10:00', '2026-11-29'), china('22:00', '2026-11-29'), 50, 50)
    const later = release('day-after', china('10:00', '2026-11-30'), china('22:00', '2026-11-30'), 50, 50)
    const yesterday = release('yesterday', china('10:00', '2026-11-27'), china('11:00'), 50, 4)
    const before = release('before', china('10:00', '2026-11-26'), china('22:00', '2026-11-26'), 50, 0)
    expect(releaseFor([later, yesterday, tomorrow], 'fridge', now)).toMatchObject({ when: 'next', release: { id: 'tomorrow' } })
    expect(releaseFor([before, yesterday], 'fridge', now)).toMatchObject({ when: 'past', release: { id: 'yesterday' } })
    expect(releasePerCategory([tomorrow], ['fridge', 'tv'], now).map(r => r.categoryCode)).toEqual(['fridge'])
    expect(releaseFor([tomorrow], 'tv', now)).toBeNull()
  })
})

describe('the resident\'s own claims on the event page', () => {
  const batch = release('b1', china('10:00'), china('22:00'), 50, 9)

  it('count at once while the cached figure is the one they saw, never below 0', () => {
    const own = recordOwnClaim({}, batch)
    expect(withOwnClaims([batch], own)[0]).toMatchObject({ remaining: 8, state: 'open' })
    const last = release('b1', china('10:00'), china('22:00'), 50, 1)
    const gone = withOwnClaims([last], recordOwnClaim({}, last))[0]
    expect(gone).toMatchObject({ remaining: 0, state: 'sold_out' })
    expect(withOwnClaims([last], recordOwnClaim(recordOwnClaim({}, last), last))[0]!.remaining).toBe(0)
  })

  it('are not counted twice once the figure has caught up', () => {
    const own = recordOwnClaim({}, batch)
    const renewed = { ...batch, remaining: 8 }
    expect(withOwnClaims([renewed], own)[0]!.remaining).toBe(8)
    const other = { ...batch, id: 'b2' }
    expect(withOwnClaims([other], own)[0]!.remaining).toBe(9)
  })

  it('move the choice to the next batch with room when theirs took the last place', () => {
    const last = release('last-place', china('11:00'), china('14:00'), 20, 1)
    const roomy = release('roomy', china('10:00'), china('22:00'), 50, 30)
    const own = recordOwnClaim({}, last)
    expect(shown(withOwnClaims([last, roomy], own))).toEqual({ list: 'roomy', button: 'roomy' })
  })

  it('take the server\'s SOLD_OUT over a cached figure for the batches running now', () => {
    const tomorrow = release('tomorrow', china('10:00', '2026-11-29'), china('22:00', '2026-11-29'), 50, 50)
    const own = recordSoldOut({}, [batch, tomorrow], 'fridge', now)
    const [b, t] = withOwnClaims([batch, tomorrow], own)
    expect(b).toMatchObject({ remaining: 0, state: 'sold_out' })
    expect(t!.remaining).toBe(50)
  })
})

describe('naming the batch running now', () => {
  it('says today, with times only, for a batch opening and closing today', () => {
    expect(runningBatchLabel(china('10:00'), china('22:00'), now)).toBe('today')
    // A close at midnight ends the day it opened.
    expect(runningBatchLabel(china('10:00'), china('00:00', '2026-11-29'), now)).toBe('today')
    expect(isChinaMidnight(china('00:00', '2026-11-29'))).toBe(true)
    expect(isChinaMidnight(china('22:00'))).toBe(false)
  })

  it('gives dates for a batch across midnight, whether it opened today or before', () => {
    expect(runningBatchLabel(china('11:00'), china('02:00', '2026-11-29'), now)).toBe('dated')
    const night = new Date(china('01:00', '2026-11-29'))
    expect(runningBatchLabel(china('22:00'), china('02:00', '2026-11-29'), night)).toBe('dated')
    expect(runningBatchLabel(china('00:00', '2026-11-29'), china('06:00', '2026-11-29'), night)).toBe('today')
  })

  it('reads calendar days in China, not in UTC', () => {
    expect(chinaDate('2026-11-28T16:00:00Z')).toBe('2026-11-29')
    expect(chinaDate('2026-11-28T15:59:59Z')).toBe('2026-11-28')
  })
})
