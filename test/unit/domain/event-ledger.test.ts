import { describe, expect, it } from 'vitest'
import { ledgerConsistent, type LedgerFigures } from '#shared/domain/event-ledger'

const sound: LedgerFigures = { budgetFen: 1_000_000, reservedFen: 400_000, spentFen: 99_980, claimed: 4, liveVouchers: 4, activeCapsFen: 400_000, completedSubsidyFen: 99_980 }

describe('ledgerConsistent', () => {
  it('holds when the running totals equal the recount and stay within the budget', () => {
    expect(ledgerConsistent(sound)).toBe(true)
    expect(ledgerConsistent({ ...sound, reservedFen: 900_020, activeCapsFen: 900_020 })).toBe(true)
  })

  it.each<[string, Partial<LedgerFigures>]>([
    ['reserved ≠ Σ active caps', { reservedFen: 400_001 }],
    ['spent ≠ Σ completed subsidies', { spentFen: 99_979 }],
    ['claimed ≠ live qualifications', { claimed: 5 }],
    ['reserved + spent above the budget', { budgetFen: 499_979 }],
  ])('fails when %s', (_what, change) => {
    expect(ledgerConsistent({ ...sound, ...change })).toBe(false)
  })
})
