import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyLedgerOp, type Ledger, type LedgerOp } from '#shared/domain/vouchers'

/**
 * The ledger as a state machine over random sequences of claims, cancels, expiries, redemptions, voids and
 * reversals (the same deltas and guards the services apply in SQL). After every step the money invariants of
 * PRODUCT.md rule 5 hold.
 */
const opArb: fc.Arbitrary<LedgerOp> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('claim' as const), person: fc.nat(6) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), voucher: fc.nat(30) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('expire' as const), voucher: fc.nat(30) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('redeem' as const), voucher: fc.nat(30), subsidyFen: fc.nat(300_000) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('void' as const), redemption: fc.nat(20), stillValid: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverse' as const), redemption: fc.nat(20) }) },
)

function check(l: Ledger): void {
  expect(l.reservedFen).toBeGreaterThanOrEqual(0)
  expect(l.spentFen).toBeGreaterThanOrEqual(0)
  expect(l.reservedFen + l.spentFen).toBeLessThanOrEqual(l.budgetFen)
  expect(l.claimed).toBeGreaterThanOrEqual(0)
  expect(l.claimed).toBeLessThanOrEqual(l.quota)
  const live = l.vouchers.filter(v => v.status === 'active' || v.status === 'redeemed')
  expect(l.claimed).toBe(live.length)
  for (const person of new Set(l.vouchers.map(v => v.person))) {
    const mine = live.filter(v => v.person === person)
    expect(mine.length).toBeLessThanOrEqual(l.perPersonLimit)
    expect(new Set(mine.map(v => v.slot)).size).toBe(mine.length)
  }
  expect(l.reservedFen).toBe(l.vouchers.filter(v => v.status === 'active').reduce((a, v) => a + v.capFen, 0))
  expect(l.spentFen).toBe(l.redemptions.filter(r => r.status === 'completed').reduce((a, r) => a + r.subsidyFen, 0))
  for (const r of l.redemptions.filter(x => x.status !== 'voided')) {
    expect(l.vouchers.find(v => v.id === r.voucherId)?.status).toBe('redeemed')
  }
}

describe('money invariants (property)', () => {
  it('hold over any sequence of ledger operations', () => {
    fc.assert(fc.property(
      fc.record({
        budgetFen: fc.integer({ min: 0, max: 2_000_000 }),
        quota: fc.integer({ min: 0, max: 12 }),
        perPersonLimit: fc.integer({ min: 1, max: 3 }),
        capFen: fc.integer({ min: 1, max: 250_000 }),
      }),
      fc.array(opArb, { maxLength: 80 }),
      (setup, ops) => {
        let ledger: Ledger = { ...setup, reservedFen: 0, spentFen: 0, claimed: 0, vouchers: [], redemptions: [] }
        check(ledger)
        for (const op of ops) {
          const result = applyLedgerOp(ledger, op)
          if (result.ok) ledger = result.ledger
          check(ledger)
        }
      },
    ), { numRuns: 500 })
  })

  it('a refused claim changes nothing, and quota and budget refusals are exact', () => {
    const base: Ledger = { budgetFen: 450_000, reservedFen: 0, spentFen: 0, quota: 5, claimed: 0, perPersonLimit: 1, capFen: 200_000, vouchers: [], redemptions: [] }
    let l = base
    const codes: string[] = []
    for (let p = 0; p < 4; p++) {
      const r = applyLedgerOp(l, { op: 'claim', person: p })
      if (r.ok) l = r.ledger
      else codes.push(r.code)
    }
    expect(l.claimed).toBe(2)
    expect(codes).toEqual(['BUDGET_EXHAUSTED', 'BUDGET_EXHAUSTED'])
    expect(applyLedgerOp(l, { op: 'claim', person: 0 })).toEqual({ ok: false, code: 'ALREADY_CLAIMED' })
    // Redeeming frees the rest of the cap: one more claim fits.
    const redeemed = applyLedgerOp(l, { op: 'redeem', voucher: 0, subsidyFen: 50_000 })
    expect(redeemed.ok).toBe(true)
    if (!redeemed.ok) return
    expect(applyLedgerOp(redeemed.ledger, { op: 'claim', person: 2 }).ok).toBe(true)
  })
})
