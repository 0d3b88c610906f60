// The bureau's reconciliation of one event (GET /api/v1/admin/events/{slug}/ledger, server/services/event-ledger.ts).

/** One category: its releases next to the qualifications and redemptions they produced. */
export interface EventLedgerCategoryDto {
  categoryCode: string
  /** Σ quota of the category's releases. */
  quota: number
  /** Σ claimed of the category's releases: places currently held. */
  claimed: number
  /** Qualifications active or redeemed (they hold a place). */
  liveVouchers: number
  activeVouchers: number
  redeemedVouchers: number
  /** Σ cap of the active qualifications: what they reserve of the budget. */
  activeCapsFen: number
  completedRedemptions: number
  /** Σ subsidy of the completed redemptions: what was spent. */
  completedSubsidyFen: number
}

export interface EventLedgerDto {
  eventSlug: string
  budgetFen: number
  reservedFen: number
  spentFen: number
  /** budget − reserved − spent. */
  availableFen: number
  /** Σ claimed over the event's releases. */
  claimed: number
  /** The same figures counted again from the qualifications and redemptions themselves. */
  recomputed: { liveVouchers: number, activeCapsFen: number, completedSubsidyFen: number }
  /** shared/domain/event-ledger ledgerConsistent: the running totals agree with the recount and stay within the budget. */
  consistent: boolean
  byCategory: EventLedgerCategoryDto[]
}
