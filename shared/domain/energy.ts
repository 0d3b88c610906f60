import { DomainError } from './errors'
import type { GradeKey } from './subsidy'

/**
 * Indicative yearly saving of a new product against an old grade-3 unit, for the product page. A typical
 * household unit per category, its grade-3 consumption, and each grade's consumption as an integer
 * percentage of grade 3 (integers so that the estimate is reproducible to the kWh and the fen).
 */
export interface EnergyAssumption {
  typicalUnit: string
  /** Annual consumption of the typical unit at grade 3, kWh. */
  baselineKWh: number
  /** Consumption of grades 1–5 as a percentage of grade 3. */
  pctOfGrade3: Readonly<Record<'1' | '2' | '3' | '4' | '5', number>>
  standard: string
  sourceNote: string
}

/**
 * Guangdong residential first-tier tariff taken as 0.5883 yuan/kWh, rounded to whole fen. A project
 * assumption, not checked against the current provincial schedule; callers may pass their own tariff.
 */
export const TARIFF_FEN_PER_KWH = 59

export const ENERGY_ASSUMPTIONS: Readonly<Record<string, EnergyAssumption>> = {
  'fridge': {
    typicalUnit: '400-litre frost-free refrigerator',
    baselineKWh: 450,
    pctOfGrade3: { 1: 67, 2: 83, 3: 100, 4: 117, 5: 133 },
    standard: 'GB 12021.2-2015',
    sourceNote:
      'GB 12021.2-2015 refrigerator energy-efficiency index bands (grade 1 up to 40 %, 2 up to 50 %, 3 up to 60 %, '
      + '4 up to 70 %, 5 up to 80 %), each grade taken at its band limit; grade 1 ≈ 67 % of grade-3 consumption. '
      + 'A 400-litre frost-free fridge uses about 450 kWh a year at grade 3.',
  },
  'ac': {
    typicalUnit: '1.5 HP (3.5 kW) variable-speed split air conditioner',
    baselineKWh: 1100,
    pctOfGrade3: { 1: 80, 2: 89, 3: 100, 4: 114, 5: 121 },
    standard: 'GB 21455-2019',
    sourceNote:
      'GB 21455-2019 minimum annual performance factor (APF) of variable-speed heat-pump split units up to 4.5 kW: '
      + 'grade 1 5.00, 2 4.50, 3 4.00, 4 3.50, 5 3.30; consumption taken as inversely proportional to APF, so grade 1 '
      + '≈ 80 % of grade 3. A 1.5 HP unit in a Guangdong home uses about 1,100 kWh a year at grade 3, mostly in the '
      + 'long cooling season.',
  },
  'washer': {
    typicalUnit: '8 kg front-loading washing machine, about 4 washes a week',
    baselineKWh: 150,
    pctOfGrade3: { 1: 70, 2: 85, 3: 100, 4: 115, 5: 130 },
    standard: 'GB 12021.4-2013',
    sourceNote:
      'GB 12021.4-2013 washing-machine energy-consumption bands, approximated as steps of about 15 % of grade-3 '
      + 'consumption per grade. An 8 kg front loader washing about 4 times a week uses about 150 kWh a year at grade 3.',
  },
  'e-water-heater': {
    typicalUnit: '60-litre storage electric water heater',
    baselineKWh: 1000,
    pctOfGrade3: { 1: 90, 2: 95, 3: 100, 4: 105, 5: 110 },
    standard: 'GB 21519-2008',
    sourceNote:
      'GB 21519-2008 grades storage electric water heaters by their 24-hour standby loss coefficient (grade 1 up to '
      + '0.6, 2 up to 0.7, 3 up to 0.8, 4 up to 0.9, 5 up to 1.0). Only the standby loss (about 400 of the 1,000 kWh '
      + 'a 60-litre heater uses a year at grade 3) scales with the grade; the heat delivered as hot water does not.',
  },
  'tv': {
    typicalUnit: '55-inch LED television, about 5 hours a day',
    baselineKWh: 180,
    pctOfGrade3: { 1: 60, 2: 80, 3: 100, 4: 120, 5: 140 },
    standard: 'GB 24850-2020',
    sourceNote:
      'GB 24850-2020 flat-panel television energy-efficiency bands, approximated as steps of about 20 % of grade-3 '
      + 'consumption per grade. A 55-inch LED TV watched about 5 hours a day uses about 180 kWh a year at grade 3.',
  },
  'dishwasher': {
    typicalUnit: '13-place-setting dishwasher, about 5 cycles a week',
    baselineKWh: 260,
    pctOfGrade3: { 1: 70, 2: 85, 3: 100, 4: 115, 5: 130 },
    standard: 'GB 38383-2019',
    sourceNote:
      'GB 38383-2019 dishwasher energy-efficiency bands, approximated as steps of about 15 % of grade-3 consumption '
      + 'per grade. A 13-place-setting dishwasher run about 5 times a week uses about 260 kWh a year at grade 3.',
  },
  'range-hood': {
    typicalUnit: 'range hood, about 1.5 hours a day',
    baselineKWh: 110,
    pctOfGrade3: { 1: 75, 2: 88, 3: 100, 4: 113, 5: 125 },
    standard: 'GB 29539-2013',
    sourceNote:
      'GB 29539-2013 range-hood energy-efficiency bands, approximated as steps of about 12.5 % of grade-3 '
      + 'consumption per grade. A 200 W range hood used about 1.5 hours a day uses about 110 kWh a year at grade 3.',
  },
}

export interface YearlySaving {
  kWhPerYear: number
  yuanPerYearFen: number
  assumption: { baselineKWh: number, newKWh: number, tariffFenPerKWh: number, sourceNote: string }
}

/**
 * Saving of a new unit of `newGrade` against the same typical unit at grade 3. Null where the category's
 * electricity use is not modelled (gas appliances, furniture, digital, small appliances) or the product has
 * no label. A grade-4/5 unit uses more than grade 3; the saving is then clamped to 0 rather than shown as a
 * negative saving, while `assumption.newKWh` still carries its real consumption.
 */
export function estimateYearlySaving(
  categoryCode: string,
  newGrade: GradeKey,
  tariffFenPerKWh: number = TARIFF_FEN_PER_KWH,
): YearlySaving | null {
  if (!Number.isSafeInteger(tariffFenPerKWh) || tariffFenPerKWh < 0) {
    throw new DomainError('VALIDATION_FAILED', 'the tariff must be a non-negative integer of fen per kWh', {
      field: 'tariffFenPerKWh',
      value: tariffFenPerKWh,
    })
  }
  const a = Object.prototype.hasOwnProperty.call(ENERGY_ASSUMPTIONS, categoryCode)
    ? ENERGY_ASSUMPTIONS[categoryCode]
    : undefined
  if (a === undefined || newGrade === 'none') return null
  const newKWh = Math.round((a.baselineKWh * a.pctOfGrade3[newGrade]) / 100)
  const kWhPerYear = Math.max(0, a.baselineKWh - newKWh)
  return {
    kWhPerYear,
    yuanPerYearFen: kWhPerYear * tariffFenPerKWh,
    assumption: {
      baselineKWh: a.baselineKWh,
      newKWh,
      tariffFenPerKWh,
      sourceNote: `${a.sourceNote} Electricity at ${tariffFenPerKWh} fen per kWh (Guangdong residential first tier).`,
    },
  }
}
