import { chinaClock } from './china-time'
import { isOpenAt, parseOpeningHours } from './opening-hours'

/**
 * Anomaly flags on redemptions (PRODUCT.md rule 11). Flags point a reviewer at a sale worth a second look;
 * they never refuse or reverse anything on their own.
 */
export const ANOMALY_FLAGS = [
  'PRICE_NEAR_FILED',
  'PERSON_SEVERAL_IN_DAY',
  'SN_TRIED_TWICE',
  'MERCHANT_DAILY_SPIKE',
  'OUTSIDE_OPENING_HOURS',
] as const
export type AnomalyFlag = typeof ANOMALY_FLAGS[number]

/** Price at or above 98 % of the filed price: the filed price is a ceiling, so it is rarely the real price. */
export const NEAR_FILED_PCT = 98
/** This many redemptions for one real-name identity (one household) on one day in China. */
export const PERSON_DAY_THRESHOLD = 3
/** A merchant's day is "far above its usual" at this many times its daily mean over the previous weeks … */
export const SPIKE_FACTOR = 3
/** … and never below this many sales (a shop with no history is not flagged for its first busy day). */
export const SPIKE_MIN_COUNT = 10
/** Days of history behind a merchant's usual daily count. */
export const SPIKE_HISTORY_DAYS = 14
/** A sale registered this long before opening or after closing is still ordinary paperwork. */
export const OPENING_GRACE_MIN = 30

export function priceNearFiled(priceFen: number, filedPriceFen: number): boolean {
  return priceFen * 100 >= filedPriceFen * NEAR_FILED_PCT
}

export interface RedemptionContext {
  priceFen: number
  filedPriceFen: number
  /** Redemptions (not voided) for the same identity on the same China day, this one included. */
  personSameDay: number
  /** The merchant's redemptions (not voided) on the same China day, this one included. */
  merchantSameDay: number
  /** The merchant's redemptions (not voided) in the SPIKE_HISTORY_DAYS days before that day. */
  merchantHistory: number
  /** The merchant's filed opening hours, as typed ("09:00-21:00"). */
  openingHours: string
  at: Date
}

/** True when `today` is far above a daily mean of `history / SPIKE_HISTORY_DAYS`. */
export function dailySpike(today: number, history: number): boolean {
  if (today < SPIKE_MIN_COUNT) return false
  return today * SPIKE_HISTORY_DAYS >= SPIKE_FACTOR * history
}

/** The flags a new redemption carries, in ANOMALY_FLAGS order. SN_TRIED_TWICE is raised later, on a refused retry. */
export function redemptionFlags(c: RedemptionContext): AnomalyFlag[] {
  const flags: AnomalyFlag[] = []
  if (priceNearFiled(c.priceFen, c.filedPriceFen)) flags.push('PRICE_NEAR_FILED')
  if (c.personSameDay >= PERSON_DAY_THRESHOLD) flags.push('PERSON_SEVERAL_IN_DAY')
  if (dailySpike(c.merchantSameDay, c.merchantHistory)) flags.push('MERCHANT_DAILY_SPIKE')
  const hours = parseOpeningHours(c.openingHours)
  if (hours && !isOpenAt(hours, chinaClock(c.at), OPENING_GRACE_MIN)) flags.push('OUTSIDE_OPENING_HOURS')
  return flags
}

/** Adds a flag once, keeping ANOMALY_FLAGS order. */
export function withFlag(flags: readonly string[], flag: AnomalyFlag): string[] {
  if (flags.includes(flag)) return [...flags]
  return ANOMALY_FLAGS.filter(f => f === flag || flags.includes(f))
}
