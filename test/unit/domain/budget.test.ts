import { describe, expect, it } from 'vitest'
import { budgetLeftFen, budgetLeftPercent } from '#shared/domain/budget'

describe('budget left', () => {
  it('is the budget less what is reserved and what is spent', () => {
    expect(budgetLeftFen({ budgetFen: 3_000_000_000, reservedFen: 108_600_000, spentFen: 163_187_235 })).toBe(2_728_212_765)
    expect(budgetLeftFen({ budgetFen: 100, reservedFen: 0, spentFen: 0 })).toBe(100)
    expect(budgetLeftFen({ budgetFen: 100, reservedFen: 60, spentFen: 40 })).toBe(0)
  })

  it('never goes below 0, even on figures read apart', () => {
    expect(budgetLeftFen({ budgetFen: 100, reservedFen: 80, spentFen: 40 })).toBe(0)
  })

  it('as a share, rounds down, so 100 % means nothing is used and 0 % means nothing is left', () => {
    expect(budgetLeftPercent({ budgetFen: 1000, reservedFen: 0, spentFen: 0 })).toBe(100)
    expect(budgetLeftPercent({ budgetFen: 1000, reservedFen: 1, spentFen: 0 })).toBe(99)
    expect(budgetLeftPercent({ budgetFen: 1000, reservedFen: 500, spentFen: 499 })).toBe(0)
    expect(budgetLeftPercent({ budgetFen: 1000, reservedFen: 500, spentFen: 500 })).toBe(0)
    expect(budgetLeftPercent({ budgetFen: 0, reservedFen: 0, spentFen: 0 })).toBe(0)
  })
})
