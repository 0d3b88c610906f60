import { createError, H3Error } from 'h3'
import { ZodError } from 'zod'
import { DomainError, type ErrorCode } from '#shared/domain/errors'

/** The one place where a domain error code becomes an HTTP status (API.md "Conventions"). */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  IDENTITY_REQUIRED: 403,
  NOT_FOUND: 404,
  IDEMPOTENCY_MISMATCH: 422,
  RATE_LIMITED: 429,
  ALREADY_CLAIMED: 409,
  SOLD_OUT: 409,
  NOT_OPEN: 409,
  BUDGET_EXHAUSTED: 409,
  RECLAIM_LIMIT: 409,
  VOUCHER_USED: 409,
  VOUCHER_EXPIRED: 409,
  WRONG_CATEGORY: 409,
  NOT_ELIGIBLE: 409,
  PRICE_ABOVE_FILED: 409,
  PRICE_ABOVE_CEILING: 409,
  SN_ALREADY_REDEEMED: 409,
  INVOICE_DUPLICATE: 409,
  MERCHANT_NOT_APPROVED: 409,
  NOT_ENROLLED: 409,
  TRADE_IN_REQUIRED: 409,
  VOID_WINDOW_PASSED: 409,
  INVALID_TRANSITION: 409,
  IDENTITY_TAKEN: 409,
  PHONE_TAKEN: 409,
  INTERNAL: 500,
}

export interface Issue { path: string, message: string }

export function statusForCode(code: ErrorCode): number {
  return STATUS_BY_CODE[code]
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
}

export function apiError(code: ErrorCode, message: string, extra: { issues?: Issue[], [key: string]: unknown } = {}): H3Error {
  const statusCode = STATUS_BY_CODE[code]
  return createError({ statusCode, statusMessage: STATUS_TEXT[statusCode], message, data: { code, ...extra } })
}

export function zodIssues(error: ZodError): Issue[] {
  return error.issues.map(issue => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

/** Turns anything thrown below a handler into the contract's error shape; unknown errors become an opaque 500. */
export function toHttpError(error: unknown): H3Error {
  if (error instanceof DomainError) return apiError(error.code, error.message, error.details ?? {})
  if (error instanceof ZodError) return apiError('VALIDATION_FAILED', 'Invalid input', { issues: zodIssues(error) })
  if (error instanceof H3Error) {
    if ((error.data as { code?: string } | undefined)?.code) return error
    const code: ErrorCode = error.statusCode === 404 ? 'NOT_FOUND' : error.statusCode === 401 ? 'UNAUTHENTICATED' : error.statusCode === 403 ? 'FORBIDDEN' : error.statusCode === 429 ? 'RATE_LIMITED' : error.statusCode < 500 ? 'VALIDATION_FAILED' : 'INTERNAL'
    if (code === 'INTERNAL') return internalError(error)
    return apiError(code, error.statusMessage || error.message, {})
  }
  return internalError(error)
}

function internalError(error: unknown): H3Error {
  console.error('[api] unexpected error', error)
  // Never a stack trace or driver message in a response.
  return createError({ statusCode: 500, statusMessage: STATUS_TEXT[500], message: 'Internal server error', data: { code: 'INTERNAL' } })
}
