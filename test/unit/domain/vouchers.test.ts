import { describe, expect, it } from 'vitest'
import { DomainError } from '#shared/domain/errors'
import type { SubsidyRule } from '#shared/domain/subsidy'
import {
  chooseRelease, decideClaim, fitsBudget, generateVoucherCode, isVoucherCode, ledgerDelta, normaliseVoucherCode, pickSlot,
  reclaimAllowed, reservationFen, voucherExpiry, VOUCHER_CODE_ALPHABET, type ClaimFacts, type ReleaseFacts,
} from '#shared/domain/vouchers'

const now = new Date('2026-11-28T04:00:00Z')
const h = (hours: number) => new Date(now.getTime() + hours * 3_600_000)
const rule: SubsidyRule = { ratePctByGrade: { 1: 20, 2: 15 }, capFen: 200_000, fixedFen: null, priceCeilingFen: null, perPersonLimit: 1, requiresTradeIn: true }
const open: ReleaseFacts = { id: 'r1', opensAt: h(-2), closesAt: h(8), quota: 50, claimed: 0 }

function facts(overrides: Partial<ClaimFacts> = {}): ClaimFacts {
  return { identityVerified: true, eventCurrent: true, eventStartsAt: h(-100), rule, releases: [open], expiredInEvent: 0, usedSlots: [], now, ...overrides }
}

function refusal(f: ClaimFacts): { code: string, details?: Record<string, unknown> } {
  try {
    decideClaim(f)
  }
  catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details }
    throw error
  }
  return { code: 'OK' }
}

describe('voucher codes', () => {
  it('are 8 characters of the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateVoucherCode()
      expect(code).toHaveLength(8)
      expect(isVoucherCode(code)).toBe(true)
      expect(code).not.toMatch(/[01ILO]/)
    }
  })

  it('use every byte below the rejection limit evenly and skip the rest', () => {
    const limit = 256 - (256 % VOUCHER_CODE_ALPHABET.length)
    const bytes = new Uint8Array([255, limit, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    expect(generateVoucherCode(() => bytes)).toBe('23456789')
  })

  it('normalise case, spaces and dashes', () => {
    expect(normaliseVoucherCode(' abcd-23 45 ')).toBe('ABCD2345')
    expect(isVoucherCode('ABCD2345')).toBe(true)
    expect(isVoucherCode('ABCD234O')).toBe(false)
    expect(isVoucherCode('ABC2345')).toBe(false)
  })

  it('expire after the default 3 days', () => {
    expect(voucherExpiry(now).getTime() - now.getTime()).toBe(3 * 86_400_000)
  })
})

describe('claim rules', () => {
  it('accepts a valid claim and reserves the cap in slot 1', () => {
    const d = decideClaim(facts())
    expect(d).toEqual({ release: open, slot: 1, reservationFen: 200_000 })
  })

  it('reserves the fixed amount of a car rule', () => {
    expect(decideClaim(facts({ rule: { ...rule, ratePctByGrade: null, capFen: null, fixedFen: 2_000_000 } })).reservationFen).toBe(2_000_000)
  })

  it('IDENTITY_REQUIRED without a verified identity', () => {
    expect(refusal(facts({ identityVerified: false })).code).toBe('IDENTITY_REQUIRED')
  })

  it('NOT_ELIGIBLE when the event does not cover the category, or a rate rule has no cap', () => {
    expect(refusal(facts({ rule: null })).code).toBe('NOT_ELIGIBLE')
    expect(refusal(facts({ rule: { ...rule, capFen: null } })).code).toBe('NOT_ELIGIBLE')
    expect(() => reservationFen({ capFen: null, fixedFen: null })).toThrow(/no subsidy cap/)
  })

  it('NOT_OPEN when the event is not running (with its start when upcoming)', () => {
    expect(refusal(facts({ eventCurrent: false, eventStartsAt: h(5) }))).toEqual({ code: 'NOT_OPEN', details: { opensAt: h(5).toISOString() } })
    expect(refusal(facts({ eventCurrent: false, eventStartsAt: h(-500) }))).toEqual({ code: 'NOT_OPEN', details: {} })
  })

  it('NOT_OPEN outside every release window, naming the next opening', () => {
    const later = { ...open, id: 'r2', opensAt: h(20), closesAt: h(30) }
    const past = { ...open, id: 'r0', opensAt: h(-30), closesAt: h(-20) }
    expect(refusal(facts({ releases: [past, later] }))).toEqual({ code: 'NOT_OPEN', details: { opensAt: h(20).toISOString() } })
    expect(refusal(facts({ releases: [] }))).toEqual({ code: 'NOT_OPEN', details: {} })
    // Half-open window: at closesAt it is closed, at opensAt it is open.
    expect(refusal(facts({ releases: [{ ...open, closesAt: now }] })).code).toBe('NOT_OPEN')
    expect(refusal(facts({ releases: [{ ...open, opensAt: now }] })).code).toBe('OK')
  })

  it('SOLD_OUT when every open release is full', () => {
    expect(refusal(facts({ releases: [{ ...open, claimed: 50 }] })).code).toBe('SOLD_OUT')
  })

  it('RECLAIM_LIMIT after more than 2 expiries in the event', () => {
    expect(refusal(facts({ expiredInEvent: 2 })).code).toBe('OK')
    expect(refusal(facts({ expiredInEvent: 3 })).code).toBe('RECLAIM_LIMIT')
    expect(reclaimAllowed(0)).toBe(true)
    expect(reclaimAllowed(3)).toBe(false)
  })

  it('ALREADY_CLAIMED when every slot of the per-person limit is live', () => {
    expect(refusal(facts({ usedSlots: [1] })).code).toBe('ALREADY_CLAIMED')
    const ac = { ...rule, perPersonLimit: 3 }
    expect(decideClaim(facts({ rule: ac, usedSlots: [1, 3] })).slot).toBe(2)
    expect(refusal(facts({ rule: ac, usedSlots: [3, 1, 2] })).code).toBe('ALREADY_CLAIMED')
  })
})

describe('slots and releases', () => {
  it('pickSlot takes the smallest free slot', () => {
    expect(pickSlot([], 1)).toBe(1)
    expect(pickSlot([1], 1)).toBeNull()
    expect(pickSlot([2], 3)).toBe(1)
    expect(pickSlot([1, 2], 3)).toBe(3)
  })

  it('chooseRelease takes the open release closing first that has room', () => {
    const a = { ...open, id: 'a', closesAt: h(3), claimed: 50 }
    const b = { ...open, id: 'b', closesAt: h(5) }
    const c = { ...open, id: 'c', closesAt: h(4) }
    const choice = chooseRelease([a, b, c], now)
    expect(choice.ok && choice.release.id).toBe('c')
  })
})

describe('reservation arithmetic', () => {
  const ledger = { budgetFen: 1_000_000, reservedFen: 0, spentFen: 0 }

  it('a claim reserves the cap; a redemption charges the subsidy and frees the rest', () => {
    const claim = ledgerDelta.claim(200_000)
    expect(claim).toEqual({ reservedFen: 200_000, spentFen: 0, claimed: 1 })
    const redeem = ledgerDelta.redeem(200_000, 59_980)
    expect(redeem.reservedFen + redeem.spentFen).toBe(-140_020)
  })

  it('expiry and cancellation free everything they hold', () => {
    expect(ledgerDelta.release(200_000)).toEqual({ reservedFen: -200_000, spentFen: 0, claimed: -1 })
  })

  it('a void gives the subsidy back and re-reserves the cap, or gives the place back', () => {
    expect(ledgerDelta.voidToActive(200_000, 59_980)).toEqual({ reservedFen: 200_000, spentFen: -59_980, claimed: 0 })
    expect(ledgerDelta.voidToExpired(59_980)).toEqual({ reservedFen: 0, spentFen: -59_980, claimed: -1 })
    expect(ledgerDelta.reverse(59_980)).toEqual({ reservedFen: 0, spentFen: -59_980, claimed: 0 })
  })

  it('fitsBudget allows exactly up to the budget', () => {
    expect(fitsBudget({ ...ledger, reservedFen: 800_000 }, ledgerDelta.claim(200_000))).toBe(true)
    expect(fitsBudget({ ...ledger, reservedFen: 800_001 }, ledgerDelta.claim(200_000))).toBe(false)
    expect(fitsBudget({ ...ledger, spentFen: 900_000 }, ledgerDelta.claim(200_000))).toBe(false)
    expect(fitsBudget(ledger, ledgerDelta.release(1))).toBe(false)
  })
})
