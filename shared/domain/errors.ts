/**
 * Error codes of the public contract (API.md "Conventions"). Domain rules throw a DomainError with one of
 * these codes; server/utils/errors.ts is the one place that maps a code to an HTTP status, and the UI
 * translates the same codes.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'IDENTITY_REQUIRED',
  'NOT_FOUND',
  'IDEMPOTENCY_MISMATCH',
  'RATE_LIMITED',
  'ALREADY_CLAIMED',
  'SOLD_OUT',
  'NOT_OPEN',
  'BUDGET_EXHAUSTED',
  'RECLAIM_LIMIT',
  'VOUCHER_USED',
  'VOUCHER_EXPIRED',
  'WRONG_CATEGORY',
  'NOT_ELIGIBLE',
  'PRICE_ABOVE_FILED',
  'PRICE_ABOVE_CEILING',
  'SN_ALREADY_REDEEMED',
  'INVOICE_DUPLICATE',
  'MERCHANT_NOT_APPROVED',
  'NOT_ENROLLED',
  'TRADE_IN_REQUIRED',
  'VOID_WINDOW_PASSED',
  'INVALID_TRANSITION',
  'IDENTITY_TAKEN',
  'PHONE_TAKEN',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export class DomainError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}
