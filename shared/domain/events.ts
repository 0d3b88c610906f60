import { DomainError } from './errors'
import type { EventStatus } from './event-lifecycle'

/** What an event subsidises (events.kind). */
export const EVENT_KINDS = ['appliance', 'gas', 'home', 'digital', 'car'] as const
export type EventKind = typeof EVENT_KINDS[number]

/** What the public sees of an event's period (publicEventStatus). */
export const PUBLIC_EVENT_STATUSES = ['current', 'upcoming', 'ended'] as const
export type PublicEventStatus = typeof PUBLIC_EVENT_STATUSES[number]

/** Where a qualification release stands at a moment (releaseState). */
export const RELEASE_STATES = ['scheduled', 'open', 'sold_out', 'closed'] as const
export type ReleaseState = typeof RELEASE_STATES[number]

export interface CountdownParts {
  days: number
  hours: number
  minutes: number
  seconds: number
  totalMs: number
}

function time(d: Date, field: string): number {
  const t = d.getTime()
  if (Number.isNaN(t)) throw new DomainError('VALIDATION_FAILED', `${field} is not a valid date`, { field })
  return t
}

/**
 * What the public sees of an event: drafts are not public (null); a closed event has ended even if its
 * period has not run out (an administrator closed it early). Periods are half-open: [startsAt, endsAt).
 */
export function publicEventStatus(
  e: { status: EventStatus, startsAt: Date, endsAt: Date },
  now: Date,
): PublicEventStatus | null {
  const start = time(e.startsAt, 'startsAt')
  const end = time(e.endsAt, 'endsAt')
  const t = time(now, 'now')
  if (e.status === 'draft') return null
  if (e.status === 'closed') return 'ended'
  if (t < start) return 'upcoming'
  if (t >= end) return 'ended'
  return 'current'
}

export function remaining(r: { quota: number, claimed: number }): number {
  return Math.max(0, r.quota - r.claimed)
}

/**
 * State of a qualification release, window [opensAt, closesAt). Time decides first: before the window it is
 * scheduled and after it closed, whatever the count; inside the window it is sold out once the quota is used.
 */
export function releaseState(
  r: { opensAt: Date, closesAt: Date, quota: number, claimed: number },
  now: Date,
): ReleaseState {
  const opens = time(r.opensAt, 'opensAt')
  const closes = time(r.closesAt, 'closesAt')
  const t = time(now, 'now')
  if (t < opens) return 'scheduled'
  if (t >= closes) return 'closed'
  return remaining(r) === 0 ? 'sold_out' : 'open'
}

/** The earliest opening strictly after now (a release opening at this very instant is already open). */
export function nextReleaseOpening(releases: Array<{ opensAt: Date, closesAt: Date }>, now: Date): Date | null {
  const t = time(now, 'now')
  let best: Date | null = null
  for (const r of releases) {
    const opens = time(r.opensAt, 'opensAt')
    if (opens > t && (best === null || opens < best.getTime())) best = r.opensAt
  }
  return best === null ? null : new Date(best.getTime())
}

/** Time left until target, split for a countdown; zero once the target has passed. */
export function countdownParts(target: Date, now: Date): CountdownParts {
  const totalMs = Math.max(0, time(target, 'target') - time(now, 'now'))
  const totalSeconds = Math.floor(totalMs / 1000)
  return {
    days: Math.floor(totalSeconds / 86400),
    hours: Math.floor((totalSeconds % 86400) / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
    totalMs,
  }
}
