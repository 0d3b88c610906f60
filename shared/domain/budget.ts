/** An event's money as the ledger holds it (events.budget_fen, reserved_fen, spent_fen). */
export interface BudgetFigures {
  budgetFen: number
  reservedFen: number
  spentFen: number
}

/**
 * Budget still free for new claims: budget − reserved − spent, never below 0. The database refuses
 * reserved + spent above the budget (events_budget_not_exceeded), so the floor only guards figures read apart.
 */
export function budgetLeftFen(e: BudgetFigures): number {
  return Math.max(0, e.budgetFen - e.reservedFen - e.spentFen)
}

/** Share of the budget still free, 0–100, rounded down so "100 %" is only shown when nothing is used. */
export function budgetLeftPercent(e: BudgetFigures): number {
  if (e.budgetFen <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((budgetLeftFen(e) * 100) / e.budgetFen)))
}
