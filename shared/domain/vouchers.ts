import defaults from '../reference/subsidy-defaults.json'
import { DomainError } from './errors'
import type { SubsidyRule } from './subsidy'

/**
 * Pure rules of subsidy qualifications (补贴资格): codes, slots, releases, re-claims and the money ledger.
 * The services apply the same deltas in conditional SQL updates; the property test runs them as a state
 * machine (test/unit/domain/money-invariants.property.test.ts).
 */

export const VOUCHER_STATUSES = ['active', 'redeemed', 'expired', 'cancelled'] as const
export type VoucherStatus = typeof VOUCHER_STATUSES[number]

export const VOUCHER_VALID_DAYS: number = defaults.qualification.validDays
export const MAX_RECLAIMS_AFTER_EXPIRY: number = defaults.qualification.maxReclaimsAfterExpiry

/** No 0/O, 1/I/L: a code read aloud or typed by an elderly resident is not misread. */
export const VOUCHER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const VOUCHER_CODE_LENGTH = 8

/** A crypto-random code; rejection sampling keeps every character equally likely. */
export function generateVoucherCode(randomBytes: (n: number) => Uint8Array = n => globalThis.crypto.getRandomValues(new Uint8Array(n))): string {
  const n = VOUCHER_CODE_ALPHABET.length
  const limit = 256 - (256 % n)
  let code = ''
  while (code.length < VOUCHER_CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte < limit && code.length < VOUCHER_CODE_LENGTH) code += VOUCHER_CODE_ALPHABET[byte % n]
    }
  }
  return code
}

/** Codes are case-insensitive and may be typed with spaces or dashes ("abcd-2345"). */
export function normaliseVoucherCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase()
}

export function isVoucherCode(code: string): boolean {
  return code.length === VOUCHER_CODE_LENGTH && [...code].every(c => VOUCHER_CODE_ALPHABET.includes(c))
}

export function voucherExpiry(now: Date, validDays: number = VOUCHER_VALID_DAYS): Date {
  return new Date(now.getTime() + validDays * 86_400_000)
}

/**
 * What a claim holds of the event budget: the fixed amount (cars) or the cap. A rate rule without a cap has
 * no upper bound, so it cannot be reserved against a budget and is not claimable.
 */
export function reservationFen(rule: Pick<SubsidyRule, 'fixedFen' | 'capFen'>): number {
  const amount = rule.fixedFen ?? rule.capFen
  if (amount === null) throw new DomainError('NOT_ELIGIBLE', 'This category has no subsidy cap, so qualifications cannot be claimed for it')
  return amount
}

/** The smallest free slot in 1..limit, or null when the person holds `limit` live qualifications. */
export function pickSlot(usedSlots: readonly number[], limit: number): number | null {
  const used = new Set(usedSlots)
  for (let slot = 1; slot <= limit; slot++) if (!used.has(slot)) return slot
  return null
}

/** Rule 5: after an expiry a person may claim again at most MAX_RECLAIMS_AFTER_EXPIRY times per event. */
export function reclaimAllowed(expiredInEvent: number, max: number = MAX_RECLAIMS_AFTER_EXPIRY): boolean {
  return expiredInEvent <= max
}

export interface ReleaseFacts { id: string, opensAt: Date, closesAt: Date, quota: number, claimed: number }

export type ReleaseChoice
  = | { ok: true, release: ReleaseFacts }
    | { ok: false, code: 'NOT_OPEN', opensAt: Date | null }
    | { ok: false, code: 'SOLD_OUT' }

/** The open release (opensAt ≤ now < closesAt) closing first that still has room. */
export function chooseRelease(releases: readonly ReleaseFacts[], now: Date): ReleaseChoice {
  const t = now.getTime()
  const open = releases.filter(r => r.opensAt.getTime() <= t && t < r.closesAt.getTime())
    .sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())
  if (open.length === 0) {
    const next = releases.filter(r => r.opensAt.getTime() > t).sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())[0]
    return { ok: false, code: 'NOT_OPEN', opensAt: next?.opensAt ?? null }
  }
  const withRoom = open.find(r => r.claimed < r.quota)
  return withRoom ? { ok: true, release: withRoom } : { ok: false, code: 'SOLD_OUT' }
}

export interface ClaimFacts {
  identityVerified: boolean
  eventCurrent: boolean
  eventStartsAt: Date
  rule: SubsidyRule | null
  releases: readonly ReleaseFacts[]
  expiredInEvent: number
  usedSlots: readonly number[]
  now: Date
}

export type ClaimDecision = { release: ReleaseFacts, slot: number, reservationFen: number }

/**
 * The claim rules in order; the quota and budget are then taken by conditional updates (SOLD_OUT,
 * BUDGET_EXHAUSTED) because only the database can decide them under concurrency.
 */
export function decideClaim(f: ClaimFacts): ClaimDecision {
  if (!f.identityVerified) throw new DomainError('IDENTITY_REQUIRED', 'Verify your real-name identity first')
  if (!f.rule) throw new DomainError('NOT_ELIGIBLE', 'This event does not cover that category')
  if (!f.eventCurrent) {
    const upcoming = f.eventStartsAt.getTime() > f.now.getTime()
    throw new DomainError('NOT_OPEN', 'The event is not running', upcoming ? { opensAt: f.eventStartsAt.toISOString() } : {})
  }
  const amount = reservationFen(f.rule)
  const choice = chooseRelease(f.releases, f.now)
  if (!choice.ok) {
    if (choice.code === 'NOT_OPEN') throw new DomainError('NOT_OPEN', 'No qualifications are being released now', choice.opensAt ? { opensAt: choice.opensAt.toISOString() } : {})
    throw new DomainError('SOLD_OUT', 'All qualifications of this release are taken')
  }
  if (!reclaimAllowed(f.expiredInEvent)) throw new DomainError('RECLAIM_LIMIT', 'You have let qualifications of this event expire too often to claim again')
  const slot = pickSlot(f.usedSlots, f.rule.perPersonLimit)
  if (slot === null) throw new DomainError('ALREADY_CLAIMED', 'You already hold the qualifications allowed for this category')
  return { release: choice.release, slot, reservationFen: amount }
}

// ------------------------------------------------------------------------------------------------------
// The money ledger. Every transition changes (reserved, spent, claimed) by one of these deltas; the SQL in
// server/services/{vouchers,redemptions}.ts applies exactly these, guarded by the same conditions.
// ------------------------------------------------------------------------------------------------------

export interface LedgerDelta { reservedFen: number, spentFen: number, claimed: number }

export const ledgerDelta = {
  /** A claim holds one place of the release and the reservation. */
  claim: (capFen: number): LedgerDelta => ({ reservedFen: capFen, spentFen: 0, claimed: 1 }),
  /** Expiry and cancellation free all of it. */
  release: (capFen: number): LedgerDelta => ({ reservedFen: -capFen, spentFen: 0, claimed: -1 }),
  /** A redemption charges the actual subsidy and frees the rest of the reservation. */
  redeem: (capFen: number, subsidyFen: number): LedgerDelta => ({ reservedFen: -capFen, spentFen: subsidyFen, claimed: 0 }),
  /** A void whose qualification is still valid: the qualification is active again and reserves its cap. */
  voidToActive: (capFen: number, subsidyFen: number): LedgerDelta => ({ reservedFen: capFen, spentFen: -subsidyFen, claimed: 0 }),
  /** A void whose qualification has expired (or cannot be re-reserved): everything goes back. */
  voidToExpired: (subsidyFen: number): LedgerDelta => ({ reservedFen: 0, spentFen: -subsidyFen, claimed: -1 }),
  /** A reviewer's reversal: the subsidy returns to the budget, the qualification stays used. */
  reverse: (subsidyFen: number): LedgerDelta => ({ reservedFen: 0, spentFen: -subsidyFen, claimed: 0 }),
}

/** The guard of every budget-increasing update: reserved + spent ≤ budget afterwards. */
export function fitsBudget(ledger: { budgetFen: number, reservedFen: number, spentFen: number }, d: LedgerDelta): boolean {
  return ledger.reservedFen + d.reservedFen >= 0 && ledger.spentFen + d.spentFen >= 0
    && ledger.reservedFen + d.reservedFen + ledger.spentFen + d.spentFen <= ledger.budgetFen
}

export interface LedgerVoucher { id: number, person: number, slot: number, status: VoucherStatus, capFen: number, expired: boolean }
export interface LedgerRedemption { id: number, voucherId: number, subsidyFen: number, status: 'completed' | 'voided' | 'reversed' }
export interface Ledger {
  budgetFen: number
  reservedFen: number
  spentFen: number
  quota: number
  claimed: number
  perPersonLimit: number
  capFen: number
  vouchers: LedgerVoucher[]
  redemptions: LedgerRedemption[]
}

export type LedgerOp
  = | { op: 'claim', person: number }
    | { op: 'cancel', voucher: number }
    | { op: 'expire', voucher: number }
    | { op: 'redeem', voucher: number, subsidyFen: number }
    | { op: 'void', redemption: number, stillValid: boolean }
    | { op: 'reverse', redemption: number }

export type LedgerResult = { ok: true, ledger: Ledger } | { ok: false, code: string }

function applyDelta(l: Ledger, d: LedgerDelta): Ledger {
  return { ...l, reservedFen: l.reservedFen + d.reservedFen, spentFen: l.spentFen + d.spentFen, claimed: l.claimed + d.claimed }
}

function setVoucher(l: Ledger, id: number, patch: Partial<LedgerVoucher>): Ledger {
  return { ...l, vouchers: l.vouchers.map(v => (v.id === id ? { ...v, ...patch } : v)) }
}

/**
 * The ledger as a state machine: each operation either applies its delta under the same guards as the SQL
 * (quota: claimed < quota; budget: fitsBudget; slots: pickSlot) or refuses with the API's code.
 */
export function applyLedgerOp(l: Ledger, op: LedgerOp): LedgerResult {
  switch (op.op) {
    case 'claim': {
      const live = l.vouchers.filter(v => v.person === op.person && (v.status === 'active' || v.status === 'redeemed'))
      const slot = pickSlot(live.map(v => v.slot), l.perPersonLimit)
      if (slot === null) return { ok: false, code: 'ALREADY_CLAIMED' }
      if (l.claimed >= l.quota) return { ok: false, code: 'SOLD_OUT' }
      const d = ledgerDelta.claim(l.capFen)
      if (!fitsBudget(l, d)) return { ok: false, code: 'BUDGET_EXHAUSTED' }
      const v: LedgerVoucher = { id: l.vouchers.length, person: op.person, slot, status: 'active', capFen: l.capFen, expired: false }
      return { ok: true, ledger: { ...applyDelta(l, d), vouchers: [...l.vouchers, v] } }
    }
    case 'cancel':
    case 'expire': {
      const v = l.vouchers.find(x => x.id === op.voucher)
      if (!v) return { ok: false, code: 'NOT_FOUND' }
      if (v.status !== 'active') return { ok: false, code: v.status === 'redeemed' ? 'VOUCHER_USED' : 'VOUCHER_EXPIRED' }
      const next = applyDelta(l, ledgerDelta.release(v.capFen))
      return { ok: true, ledger: setVoucher(next, v.id, op.op === 'cancel' ? { status: 'cancelled' } : { status: 'expired', expired: true }) }
    }
    case 'redeem': {
      const v = l.vouchers.find(x => x.id === op.voucher)
      if (!v) return { ok: false, code: 'NOT_FOUND' }
      if (v.status !== 'active') return { ok: false, code: v.status === 'redeemed' ? 'VOUCHER_USED' : 'VOUCHER_EXPIRED' }
      const subsidyFen = Math.min(op.subsidyFen, v.capFen)
      const d = ledgerDelta.redeem(v.capFen, subsidyFen)
      if (!fitsBudget(l, d)) return { ok: false, code: 'INTERNAL' }
      const r: LedgerRedemption = { id: l.redemptions.length, voucherId: v.id, subsidyFen, status: 'completed' }
      return { ok: true, ledger: { ...setVoucher(applyDelta(l, d), v.id, { status: 'redeemed' }), redemptions: [...l.redemptions, r] } }
    }
    case 'void': {
      const r = l.redemptions.find(x => x.id === op.redemption)
      if (!r) return { ok: false, code: 'NOT_FOUND' }
      if (r.status !== 'completed') return { ok: false, code: 'INVALID_TRANSITION' }
      const v = l.vouchers.find(x => x.id === r.voucherId)!
      const withR = { ...l, redemptions: l.redemptions.map(x => (x.id === r.id ? { ...x, status: 'voided' as const } : x)) }
      const back = ledgerDelta.voidToActive(v.capFen, r.subsidyFen)
      if (op.stillValid && fitsBudget(l, back)) return { ok: true, ledger: setVoucher(applyDelta(withR, back), v.id, { status: 'active' }) }
      return { ok: true, ledger: setVoucher(applyDelta(withR, ledgerDelta.voidToExpired(r.subsidyFen)), v.id, { status: 'expired', expired: true }) }
    }
    case 'reverse': {
      const r = l.redemptions.find(x => x.id === op.redemption)
      if (!r) return { ok: false, code: 'NOT_FOUND' }
      if (r.status !== 'completed') return { ok: false, code: 'INVALID_TRANSITION' }
      const next = applyDelta(l, ledgerDelta.reverse(r.subsidyFen))
      return { ok: true, ledger: { ...next, redemptions: next.redemptions.map(x => (x.id === r.id ? { ...x, status: 'reversed' as const } : x)) } }
    }
  }
}
