import type { EventSummaryDto } from '#shared/types/public'

/** Budget still free for new claims: budgetFen − spentFen − reservedFen (never below 0). */
export function budgetLeftFen(e: Pick<EventSummaryDto, 'budgetFen' | 'spentFen' | 'reservedFen'>): number {
  return Math.max(0, e.budgetFen - e.spentFen - e.reservedFen)
}

/** Share of the budget still free, 0–100, rounded down so "100 %" is only shown when nothing is used. */
export function budgetLeftPercent(e: Pick<EventSummaryDto, 'budgetFen' | 'spentFen' | 'reservedFen'>): number {
  if (e.budgetFen <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((budgetLeftFen(e) * 100) / e.budgetFen)))
}
