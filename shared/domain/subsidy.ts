import defaults from '../reference/subsidy-defaults.json'
import { DomainError } from './errors'

/** Efficiency grade on the China Energy / Water Efficiency Label (1 best … 5); 'none' for unlabelled items. */
export type GradeKey = '1' | '2' | '3' | '4' | '5' | 'none'

export const GRADE_KEYS: readonly GradeKey[] = ['1', '2', '3', '4', '5', 'none']

export type EventKind = 'appliance' | 'gas' | 'home' | 'digital' | 'car'

export interface SubsidyRule {
  ratePctByGrade: Partial<Record<GradeKey, number>> | null
  capFen: number | null
  fixedFen: number | null
  priceCeilingFen: number | null
  perPersonLimit: number
  requiresTradeIn: boolean
}

export interface ProductFacts {
  energyGrade: number | null
  waterGrade: number | null
  filedPriceFen: number
}

export type QuoteRefusal = 'NOT_ELIGIBLE' | 'PRICE_ABOVE_FILED' | 'PRICE_ABOVE_CEILING'

export type QuoteResult
  = | { eligible: true, subsidyFen: number, payableFen: number, rateBp: number | null }
    | { eligible: false, subsidyFen: 0, payableFen: number, reason: QuoteRefusal }

export type RuleDescription
  = | { kind: 'fixed', fixedFen: number, perPersonLimit: number, requiresTradeIn: boolean }
    | {
      kind: 'rate'
      rates: Array<{ grade: GradeKey, pct: number }>
      capFen: number | null
      priceCeilingFen: number | null
      perPersonLimit: number
      requiresTradeIn: boolean
    }

function invalid(field: string, value: unknown, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { field, value })
}

function assertFenAmount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(field, value, `${field} must be a non-negative integer number of fen`)
  }
}

function assertRule(rule: SubsidyRule): void {
  if (rule.fixedFen !== null) assertFenAmount(rule.fixedFen, 'fixedFen')
  if (rule.capFen !== null) assertFenAmount(rule.capFen, 'capFen')
  if (rule.priceCeilingFen !== null) assertFenAmount(rule.priceCeilingFen, 'priceCeilingFen')
}

function gradeOf(value: number | null, field: string): number | null {
  if (value === null) return null
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw invalid(field, value, `${field} must be an integer from 1 to 5`)
  }
  return value
}

/**
 * A product may carry an energy label, a water-efficiency label (e.g. dishwashers, washers) or both; it
 * qualifies on the better of the two. Products with neither (furniture) are 'none'.
 */
export function effectiveGrade(p: Pick<ProductFacts, 'energyGrade' | 'waterGrade'>): GradeKey {
  const grades = [gradeOf(p.energyGrade, 'energyGrade'), gradeOf(p.waterGrade, 'waterGrade')].filter(
    (g): g is number => g !== null,
  )
  if (grades.length === 0) return 'none'
  return String(Math.min(...grades)) as GradeKey
}

/** Percentage → basis points, so 12.5 % becomes 1250 and all later arithmetic is on integers. */
export function pctToBp(pct: number): number {
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) {
    throw invalid('ratePct', pct, 'a subsidy rate must be a percentage from 0 to 100')
  }
  return Math.round(pct * 100)
}

/**
 * floor(price × bp / 10000) exactly, without BigInt (a syntax error in the old WebViews some residents use).
 * With price = q·10000 + r: q·bp ≤ price ≤ 2^53 − 1 and r·bp < 10^8, so every step is an exact integer.
 */
function applyBp(priceFen: number, bp: number): number {
  const r = priceFen % 10000
  const q = (priceFen - r) / 10000
  return q * bp + Math.floor((r * bp) / 10000)
}

/**
 * The subsidy calculator (price + grade, no product). Checks, in order: price valid (else throws
 * VALIDATION_FAILED), price ceiling, then eligibility of the grade. A fixed-amount rule (cars) ignores the
 * grade and gives min(fixedFen, price); a rate rule gives min(cap, floor(price × rate)) — PRODUCT.md rule 2.
 */
export function calculateSubsidy(rule: SubsidyRule, grade: GradeKey, priceFen: number): QuoteResult {
  assertFenAmount(priceFen, 'priceFen')
  assertRule(rule)

  if (rule.priceCeilingFen !== null && priceFen > rule.priceCeilingFen) {
    return { eligible: false, subsidyFen: 0, payableFen: priceFen, reason: 'PRICE_ABOVE_CEILING' }
  }

  if (rule.fixedFen !== null) {
    const subsidyFen = Math.min(rule.fixedFen, priceFen)
    return { eligible: true, subsidyFen, payableFen: priceFen - subsidyFen, rateBp: null }
  }

  const pct = rule.ratePctByGrade?.[grade]
  if (pct === undefined) {
    return { eligible: false, subsidyFen: 0, payableFen: priceFen, reason: 'NOT_ELIGIBLE' }
  }
  const rateBp = pctToBp(pct)
  const raw = applyBp(priceFen, rateBp)
  const subsidyFen = rule.capFen === null ? raw : Math.min(rule.capFen, raw)
  return { eligible: true, subsidyFen, payableFen: priceFen - subsidyFen, rateBp }
}

/**
 * Quote for a catalogue product. Order of checks: price valid, price ≤ filed price (PRICE_ABOVE_FILED,
 * PRODUCT.md rule 3), price ≤ rule ceiling (PRICE_ABOVE_CEILING), then the product's effective grade
 * (NOT_ELIGIBLE). The price refusals come first because the counter staff can act on them at once.
 */
export function quoteSubsidy(rule: SubsidyRule, product: ProductFacts, priceFen: number): QuoteResult {
  assertFenAmount(priceFen, 'priceFen')
  assertFenAmount(product.filedPriceFen, 'filedPriceFen')
  const grade = effectiveGrade(product)
  if (priceFen > product.filedPriceFen) {
    return { eligible: false, subsidyFen: 0, payableFen: priceFen, reason: 'PRICE_ABOVE_FILED' }
  }
  return calculateSubsidy(rule, grade, priceFen)
}

/** Structured form of a rule for rendering it in plain words; rates best grade first, 'none' last. */
export function describeRule(rule: SubsidyRule): RuleDescription {
  const { perPersonLimit, requiresTradeIn } = rule
  if (rule.fixedFen !== null) {
    return { kind: 'fixed', fixedFen: rule.fixedFen, perPersonLimit, requiresTradeIn }
  }
  const rates: Array<{ grade: GradeKey, pct: number }> = []
  for (const grade of GRADE_KEYS) {
    const pct = rule.ratePctByGrade?.[grade]
    if (pct !== undefined) rates.push({ grade, pct })
  }
  return {
    kind: 'rate',
    rates,
    capFen: rule.capFen,
    priceCeilingFen: rule.priceCeilingFen,
    perPersonLimit,
    requiresTradeIn,
  }
}

interface KindDefaults {
  ratePctByGrade?: Partial<Record<string, number>>
  capFen?: number
  perPersonLimit: number
  perPersonLimitByCategory?: Partial<Record<string, number>>
  fixedFenByCategory?: Partial<Record<string, number>>
  priceCeilingFen?: number | null
  requiresTradeIn: boolean
}

const KIND_DEFAULTS: Record<EventKind, KindDefaults> = {
  appliance: defaults.appliance,
  gas: defaults.gas,
  home: defaults.home,
  digital: defaults.digital,
  car: defaults.car,
}

function isGradeKey(key: string): key is GradeKey {
  return (GRADE_KEYS as readonly string[]).includes(key)
}

/**
 * The default rule for a category of an event kind, from reference/subsidy-defaults.json. Returns a fresh
 * object each time, so an administrator's edits never leak into the shared defaults. A car category
 * without a fixed amount has no sensible default and is refused with VALIDATION_FAILED.
 */
export function defaultRuleFor(kind: EventKind, categoryCode: string): SubsidyRule {
  const d = KIND_DEFAULTS[kind]
  if (d === undefined) throw invalid('kind', kind, `unknown event kind ${String(kind)}`)

  let ratePctByGrade: Partial<Record<GradeKey, number>> | null = null
  if (d.ratePctByGrade) {
    ratePctByGrade = {}
    for (const [key, pct] of Object.entries(d.ratePctByGrade)) {
      if (isGradeKey(key) && pct !== undefined) ratePctByGrade[key] = pct
    }
  }

  let fixedFen: number | null = null
  if (d.fixedFenByCategory) {
    fixedFen = d.fixedFenByCategory[categoryCode] ?? null
    if (fixedFen === null) {
      throw invalid('categoryCode', categoryCode, `no default fixed amount for category ${categoryCode}`)
    }
  }

  return {
    ratePctByGrade,
    capFen: d.capFen ?? null,
    fixedFen,
    priceCeilingFen: d.priceCeilingFen ?? null,
    perPersonLimit: d.perPersonLimitByCategory?.[categoryCode] ?? d.perPersonLimit,
    requiresTradeIn: d.requiresTradeIn,
  }
}
