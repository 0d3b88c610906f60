/**
 * The bureau answers for every yuan: an event's running totals (kept by conditional updates on every claim,
 * cancellation, expiry, redemption, void and reversal) must equal what its qualifications and redemptions
 * add up to, and never exceed the budget (PRODUCT.md rule 5).
 */
export interface LedgerFigures {
  budgetFen: number
  reservedFen: number
  spentFen: number
  /** Σ claimed over the event's releases. */
  claimed: number
  /** Qualifications active or redeemed. */
  liveVouchers: number
  /** Σ cap of active qualifications. */
  activeCapsFen: number
  /** Σ subsidy of completed redemptions. */
  completedSubsidyFen: number
}

/** reserved = Σ active caps, spent = Σ completed subsidies, claimed = live qualifications, reserved + spent ≤ budget. */
export function ledgerConsistent(l: LedgerFigures): boolean {
  return l.reservedFen === l.activeCapsFen
    && l.spentFen === l.completedSubsidyFen
    && l.claimed === l.liveVouchers
    && l.reservedFen + l.spentFen <= l.budgetFen
}
