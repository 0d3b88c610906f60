import type { VoucherStatus } from '#shared/domain/vouchers'

/** What the counter's lookup (GET /api/v1/merchant/vouchers/{code}) says of a code, as far as the verdict goes. */
export interface LookupFacts { status: VoucherStatus, redeemable: boolean, reason?: string }

/**
 * Why the counter cannot redeem a code. The server's VOUCHER_EXPIRED covers a cancelled and an expired
 * qualification alike; the status tells the shop which. Other refusals are said with their code's sentence.
 */
export function lookupRefusal(l: LookupFacts): 'cancelled' | 'expired' | 'other' | null {
  if (l.redeemable) return null
  if (l.reason === 'VOUCHER_EXPIRED') return l.status === 'cancelled' ? 'cancelled' : 'expired'
  return 'other'
}

/**
 * How the card shows the expiry: "valid until" only for a qualification still valid, "expired on" for an
 * expired one, and nothing for one that was cancelled or used (its expiry no longer means anything).
 */
export function lookupExpiry(l: LookupFacts): 'validUntil' | 'expiredAt' | null {
  if (l.status === 'expired' || (l.status === 'active' && l.reason === 'VOUCHER_EXPIRED')) return 'expiredAt'
  if (l.status === 'active') return 'validUntil'
  return null
}
