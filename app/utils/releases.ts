import { chinaDate } from '#shared/domain/china-time'
import { chooseRelease, type ReleaseFacts } from '#shared/domain/vouchers'
import type { ReleaseDto } from '#shared/types/public'

export interface CategoryRelease {
  categoryCode: string
  release: ReleaseDto
  /** 'now': the batch running now (with room, or sold out); 'next': the next scheduled batch; 'past': all batches have closed. */
  when: 'now' | 'next' | 'past'
}

function factsOf(r: ReleaseDto): ReleaseFacts {
  return { id: r.id, opensAt: new Date(r.opensAt), closesAt: new Date(r.closesAt), quota: r.quota, claimed: r.quota - r.remaining }
}

const closingFirst = (a: ReleaseDto, b: ReleaseDto): number => Date.parse(a.closesAt) - Date.parse(b.closesAt)

/**
 * The batch of one category that the page shows, chosen by the rule the server charges a claim to (chooseRelease):
 * of the running batches the one closing first that still has room. When every running batch is sold out, the one
 * closing first; when none is running, the next to open; else the last one.
 */
export function releaseFor(releases: readonly ReleaseDto[], categoryCode: string, now: Date): CategoryRelease | null {
  const own = releases.filter(r => r.categoryCode === categoryCode)
  if (own.length === 0) return null
  const choice = chooseRelease(own.map(factsOf), now)
  if (choice.ok) {
    const chosen = own.find(r => r.id === choice.release.id)
    if (chosen) return { categoryCode, release: chosen, when: 'now' }
  }
  const t = now.getTime()
  const running = own.filter(r => Date.parse(r.opensAt) <= t && t < Date.parse(r.closesAt)).sort(closingFirst)
  if (running[0]) return { categoryCode, release: running[0], when: 'now' }
  const next = own.filter(r => Date.parse(r.opensAt) > t).sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt) || closingFirst(a, b))[0]
  if (next) return { categoryCode, release: next, when: 'next' }
  const last = [...own].sort((a, b) => Date.parse(b.opensAt) - Date.parse(a.opensAt))[0]!
  return { categoryCode, release: last, when: 'past' }
}

/** For each category with batches: the batch releaseFor chooses. */
export function releasePerCategory(releases: readonly ReleaseDto[], categoryCodes: readonly string[], now: Date = new Date()): CategoryRelease[] {
  return categoryCodes.map(code => releaseFor(releases, code, now)).filter((r): r is CategoryRelease => r !== null)
}

/**
 * What the resident claimed on this page, per release id: `seen` is the figure the page showed when they claimed.
 * The public event is cached for up to 30 s, so the page's figures may not count their own claim yet.
 */
export type OwnClaims = Record<string, { seen: number, claimed: number }>

/** useState key of the resident's own claims, shared by the claim buttons and the quota list of the event page. */
export const OWN_CLAIMS_STATE = 'event-own-claims'

/** Records one claim charged to `release` (as the server's figures show it, without the resident's own claims). */
export function recordOwnClaim(own: OwnClaims, release: ReleaseDto): OwnClaims {
  const before = own[release.id]
  const claimed = before && before.seen === release.remaining ? before.claimed + 1 : 1
  return { ...own, [release.id]: { seen: release.remaining, claimed } }
}

/**
 * Records the server's SOLD_OUT answer: every batch of the category running now is full, whatever the cached
 * figures say (as with claims, until the figures change).
 */
export function recordSoldOut(own: OwnClaims, releases: readonly ReleaseDto[], categoryCode: string, now: Date): OwnClaims {
  const t = now.getTime()
  const next = { ...own }
  for (const r of releases) {
    if (r.categoryCode === categoryCode && Date.parse(r.opensAt) <= t && t < Date.parse(r.closesAt)) next[r.id] = { seen: r.remaining, claimed: r.remaining }
  }
  return next
}

/**
 * The releases with the resident's own claims counted in, never below 0. A figure other than the one seen when
 * claiming is newer than the claim and counts it already, so it is shown as it is.
 */
export function withOwnClaims(releases: readonly ReleaseDto[], own: OwnClaims): ReleaseDto[] {
  return releases.map((r) => {
    const mine = own[r.id]
    if (!mine || mine.seen !== r.remaining) return r
    const remaining = Math.max(0, r.remaining - mine.claimed)
    return { ...r, remaining, state: r.state === 'open' && remaining === 0 ? 'sold_out' : r.state }
  })
}

/**
 * How a running batch [opensAt, closesAt) is named: 'today' (times only) when it opened today and closes by the
 * end of today (a close at midnight ends the day before), 'dated' (with dates) otherwise, e.g. across midnight.
 */
export function runningBatchLabel(opensAt: string, closesAt: string, now: Date): 'today' | 'dated' {
  const opened = chinaDate(opensAt)
  const lastDay = chinaDate(new Date(Date.parse(closesAt) - 1))
  return opened === lastDay && opened === chinaDate(now) ? 'today' : 'dated'
}
