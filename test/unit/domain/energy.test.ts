import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/domain/errors'
import { ENERGY_ASSUMPTIONS, TARIFF_FEN_PER_KWH, estimateYearlySaving } from '../../../shared/domain/energy'
import type { GradeKey } from '../../../shared/domain/subsidy'

describe('ENERGY_ASSUMPTIONS', () => {
  it('models the electrically significant appliance categories', () => {
    expect(Object.keys(ENERGY_ASSUMPTIONS).sort()).toEqual(
      ['ac', 'dishwasher', 'e-water-heater', 'fridge', 'range-hood', 'tv', 'washer'].sort(),
    )
  })

  it('uses the stated grade-3 baselines', () => {
    expect(ENERGY_ASSUMPTIONS.fridge?.baselineKWh).toBe(450)
    expect(ENERGY_ASSUMPTIONS.ac?.baselineKWh).toBe(1100)
  })

  it('has grade 3 at 100 %, better grades below and worse grades above', () => {
    for (const [code, a] of Object.entries(ENERGY_ASSUMPTIONS)) {
      const p = a.pctOfGrade3
      expect(p['3'], code).toBe(100)
      expect(p['1'], code).toBeLessThan(p['2'])
      expect(p['2'], code).toBeLessThan(p['3'])
      expect(p['4'], code).toBeGreaterThan(p['3'])
      expect(p['5'], code).toBeGreaterThan(p['4'])
      for (const v of Object.values(p)) expect(Number.isInteger(v), code).toBe(true)
      expect(Number.isInteger(a.baselineKWh), code).toBe(true)
      expect(a.sourceNote, code).toContain(a.standard)
    }
  })

  it('uses a tariff of 59 fen per kWh', () => {
    expect(TARIFF_FEN_PER_KWH).toBe(59)
  })
})

describe('estimateYearlySaving', () => {
  it('grade-1 fridge saves 148 kWh = ¥87.32 a year', () => {
    // 450 × 67 % = 301.5 → 302 kWh; 450 − 302 = 148 kWh; 148 × 59 = 8732 fen
    const s = estimateYearlySaving('fridge', '1')
    expect(s).not.toBeNull()
    expect(s?.assumption.newKWh).toBe(302)
    expect(s?.kWhPerYear).toBe(148)
    expect(s?.yuanPerYearFen).toBe(8732)
    expect(s?.assumption.baselineKWh).toBe(450)
    expect(s?.assumption.tariffFenPerKWh).toBe(59)
    expect(s?.assumption.sourceNote).toContain('GB 12021.2-2015')
    expect(s?.assumption.sourceNote).toContain('59 fen per kWh')
  })

  it('grade-1 air conditioner saves 220 kWh = ¥129.80 a year', () => {
    expect(estimateYearlySaving('ac', '1')).toEqual({
      kWhPerYear: 220,
      yuanPerYearFen: 12980,
      assumption: {
        baselineKWh: 1100,
        newKWh: 880,
        tariffFenPerKWh: 59,
        sourceNote: expect.stringContaining('GB 21455-2019'),
      },
    })
  })

  it('grade-2 air conditioner saves 121 kWh', () => {
    // 1100 × 89 % = 979
    expect(estimateYearlySaving('ac', '2')).toMatchObject({ kWhPerYear: 121, yuanPerYearFen: 7139 })
  })

  it('grade-1 electric water heater saves 100 kWh', () => {
    expect(estimateYearlySaving('e-water-heater', '1')).toMatchObject({
      kWhPerYear: 100,
      yuanPerYearFen: 5900,
      assumption: { newKWh: 900 },
    })
  })

  it('grade 3 saves nothing against grade 3', () => {
    expect(estimateYearlySaving('fridge', '3')).toMatchObject({ kWhPerYear: 0, yuanPerYearFen: 0, assumption: { newKWh: 450 } })
  })

  it.each(['4', '5'] as GradeKey[])('grade %s is clamped to zero saving but keeps its real consumption', (g) => {
    const s = estimateYearlySaving('ac', g)
    expect(s?.kWhPerYear).toBe(0)
    expect(s?.yuanPerYearFen).toBe(0)
    expect(s?.assumption.newKWh).toBe(g === '4' ? 1254 : 1331)
  })

  it('never returns a negative or fractional saving', () => {
    for (const code of Object.keys(ENERGY_ASSUMPTIONS)) {
      for (const g of ['1', '2', '3', '4', '5'] as GradeKey[]) {
        const s = estimateYearlySaving(code, g)
        expect(s).not.toBeNull()
        expect(s?.kWhPerYear).toBeGreaterThanOrEqual(0)
        expect(Number.isInteger(s?.kWhPerYear)).toBe(true)
        expect(s?.yuanPerYearFen).toBe((s?.kWhPerYear ?? -1) * 59)
      }
    }
  })

  it('grade 1 saves more than grade 2 in every category', () => {
    for (const code of Object.keys(ENERGY_ASSUMPTIONS)) {
      const one = estimateYearlySaving(code, '1')?.kWhPerYear ?? 0
      const two = estimateYearlySaving(code, '2')?.kWhPerYear ?? 0
      expect(one, code).toBeGreaterThan(two)
      expect(two, code).toBeGreaterThan(0)
    }
  })

  it('returns null for \'none\'', () => {
    expect(estimateYearlySaving('fridge', 'none')).toBeNull()
  })

  it.each(['gas-water-heater', 'gas-stove', 'sofa', 'phone', 'nev', 'microwave', 'unknown', 'toString', '__proto__'])(
    'returns null for unmodelled category %s',
    (code) => {
      expect(estimateYearlySaving(code, '1')).toBeNull()
    },
  )

  it('accepts another tariff', () => {
    expect(estimateYearlySaving('ac', '1', 68)).toMatchObject({
      kWhPerYear: 220,
      yuanPerYearFen: 14960,
      assumption: { tariffFenPerKWh: 68 },
    })
  })

  it.each([-1, 0.5, Number.NaN])('refuses tariff %s', (t) => {
    expect(() => estimateYearlySaving('ac', '1', t)).toThrow(DomainError)
  })
})
