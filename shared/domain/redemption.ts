import type { ErrorCode } from './errors'
import { quoteSubsidy, type ProductFacts, type SubsidyRule } from './subsidy'
import type { VoucherStatus } from './vouchers'

/** A sale on the subsidy: completed at the counter, voided by the shop within its window, or reversed by the bureau. */
export const REDEMPTION_STATUSES = ['completed', 'voided', 'reversed'] as const
export type RedemptionStatus = typeof REDEMPTION_STATUSES[number]

/** What became of the old item traded in (redemptions.old_item.disposal). */
export const OLD_ITEM_DISPOSALS = ['recycler', 'merchant_pickup', 'scrapped', 'other'] as const
export type OldItemDisposal = typeof OLD_ITEM_DISPOSALS[number]

/** Serial numbers are compared upper case without spaces or dashes: "sn-123 a" and "SN123A" are one unit. */
export function serialKey(serialNo: string): string {
  return serialNo.replace(/[\s\-_/.]/g, '').toUpperCase()
}

export const MERCHANT_VOID_WINDOW_MS = 10 * 60_000

export function voidableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + MERCHANT_VOID_WINDOW_MS)
}

export function withinVoidWindow(createdAt: Date, now: Date): boolean {
  return now.getTime() <= voidableUntil(createdAt).getTime()
}

export interface VoucherFacts {
  merchantApproved: boolean
  voucher: { status: VoucherStatus, expiresAt: Date } | null
  eventPublished: boolean
  enrolled: boolean
  now: Date
}

export type Refusal = { code: ErrorCode, message: string }

/**
 * Whether a qualification can be redeemed at this merchant now (the counter lookup shows this before the
 * sale is entered). Order as the counter staff can act on it.
 */
export function voucherRefusal(f: VoucherFacts): Refusal | null {
  if (!f.merchantApproved) return { code: 'MERCHANT_NOT_APPROVED', message: 'Your shop is not approved to redeem qualifications' }
  if (!f.voucher) return { code: 'NOT_FOUND', message: 'No qualification has this code' }
  if (f.voucher.status === 'redeemed') return { code: 'VOUCHER_USED', message: 'This qualification has already been used' }
  if (f.voucher.status !== 'active' || f.voucher.expiresAt.getTime() <= f.now.getTime()) {
    return { code: 'VOUCHER_EXPIRED', message: f.voucher.status === 'cancelled' ? 'This qualification was cancelled' : 'This qualification has expired' }
  }
  if (!f.eventPublished) return { code: 'NOT_OPEN', message: 'The event of this qualification is closed' }
  if (!f.enrolled) return { code: 'NOT_ENROLLED', message: 'Your shop is not enrolled in this event for this category' }
  return null
}

export interface RedemptionFacts extends VoucherFacts {
  voucherCategory: string
  voucherCapFen: number
  product: (ProductFacts & { categoryCode: string, retired: boolean }) | null
  rule: SubsidyRule | null
  priceFen: number
  hasOldItem: boolean
  serialUsed: boolean
  invoiceUsed: boolean
}

export type RedemptionDecision
  = | { ok: true, subsidyFen: number, payableFen: number }
    | { ok: false, refusal: Refusal }

/** Rule 6 in order: the first refusal, or the subsidy (never above the qualification's cap) and what the buyer pays. */
export function decideRedemption(f: RedemptionFacts): RedemptionDecision {
  const first = voucherRefusal(f)
  if (first) return { ok: false, refusal: first }
  if (!f.product) return { ok: false, refusal: { code: 'NOT_FOUND', message: 'No such product in the catalogue' } }
  if (f.product.retired) return { ok: false, refusal: { code: 'NOT_ELIGIBLE', message: 'This product has been retired from the catalogue' } }
  if (f.product.categoryCode !== f.voucherCategory) return { ok: false, refusal: { code: 'WRONG_CATEGORY', message: `The qualification is for ${f.voucherCategory}, the product is ${f.product.categoryCode}` } }
  if (!f.rule) return { ok: false, refusal: { code: 'NOT_ELIGIBLE', message: 'The event does not cover this category' } }
  const quote = quoteSubsidy(f.rule, f.product, f.priceFen)
  if (!quote.eligible) {
    const message = quote.reason === 'PRICE_ABOVE_FILED' ? 'The price is above the product\'s filed price' : quote.reason === 'PRICE_ABOVE_CEILING' ? 'The price is above the event\'s price ceiling' : 'This product\'s efficiency grade is not eligible'
    return { ok: false, refusal: { code: quote.reason, message } }
  }
  if (f.rule.requiresTradeIn && !f.hasOldItem) return { ok: false, refusal: { code: 'TRADE_IN_REQUIRED', message: 'Record the old item handed in' } }
  if (f.serialUsed) return { ok: false, refusal: { code: 'SN_ALREADY_REDEEMED', message: 'This serial number has already been subsidised' } }
  if (f.invoiceUsed) return { ok: false, refusal: { code: 'INVOICE_DUPLICATE', message: 'This invoice number is already used by your shop' } }
  const subsidyFen = Math.min(quote.subsidyFen, f.voucherCapFen)
  return { ok: true, subsidyFen, payableFen: f.priceFen - subsidyFen }
}
