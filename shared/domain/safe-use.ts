import categories from '../reference/categories.json'
import { DomainError } from './errors'

export type GasType = 'natural' | 'lpg' | 'manufactured'

export interface SafeUseInput {
  /** Life configured for the category (from the catalogue); null = fall back to the published standard. */
  safeUseYears: number | null
  ageYears: number
  gasType?: GasType
}

export interface SafeUseResult {
  known: boolean
  safeUseYears: number | null
  past: boolean | null
  yearsOver: number
  standard: string | null
}

const GB_17905 = 'GB 17905-2008'
const T_CHEAA_0011 = 'T/CHEAA 0011'

// GB 17905-2008 家用燃气燃烧器具安全管理规则: gas water heaters 6 years on manufactured (coal) gas, 8 years on
// natural gas or LPG; gas stoves 8 years.
const GAS_LIVES = new Map<string, number>([['gas-water-heater', 8], ['gas-stove', 8]])
const MANUFACTURED_GAS_WATER_HEATER_LIFE = 6

function publishedLife(categoryCode: string, gasType: GasType | undefined): { years: number, standard: string } | null {
  if (categoryCode === 'gas-water-heater' && gasType === 'manufactured') {
    return { years: MANUFACTURED_GAS_WATER_HEATER_LIFE, standard: GB_17905 }
  }
  const gasLife = GAS_LIVES.get(categoryCode)
  if (gasLife !== undefined) return { years: gasLife, standard: GB_17905 }
  // T/CHEAA 0011 household-appliance safe-use lives, as recorded in reference/categories.json.
  const category = categories.categories.find(c => c.code === categoryCode)
  if (category?.kind === 'appliance' && typeof category.safeUseYears === 'number') {
    return { years: category.safeUseYears, standard: T_CHEAA_0011 }
  }
  return null
}

/**
 * Is an old item past its safe-use life? "Past" means reached or exceeded: the standards say the item
 * should be retired once it has been in use for that many years. A manufactured-gas water heater always uses
 * the 6-year life, because a configured category life is the natural-gas figure. `standard` names the
 * source only when the life used is the published one; an administrator's own figure is cited as null.
 */
export function checkSafeUse(input: SafeUseInput, categoryCode: string): SafeUseResult {
  const { ageYears, gasType } = input
  if (!Number.isFinite(ageYears) || ageYears < 0 || ageYears > 100) {
    throw new DomainError('VALIDATION_FAILED', 'age must be from 0 to 100 years', { field: 'ageYears', value: ageYears })
  }
  if (input.safeUseYears !== null && !(Number.isFinite(input.safeUseYears) && input.safeUseYears > 0)) {
    throw new DomainError('VALIDATION_FAILED', 'a safe-use life must be a positive number of years', {
      field: 'safeUseYears',
      value: input.safeUseYears,
    })
  }

  const published = publishedLife(categoryCode, gasType)
  const manufacturedOverride = categoryCode === 'gas-water-heater' && gasType === 'manufactured'
  const life = manufacturedOverride ? MANUFACTURED_GAS_WATER_HEATER_LIFE : (input.safeUseYears ?? published?.years ?? null)

  if (life === null) {
    return { known: false, safeUseYears: null, past: null, yearsOver: 0, standard: null }
  }
  const past = ageYears >= life
  return {
    known: true,
    safeUseYears: life,
    past,
    yearsOver: past ? ageYears - life : 0,
    standard: published !== null && published.years === life ? published.standard : null,
  }
}
