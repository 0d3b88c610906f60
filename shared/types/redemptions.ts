import type { RedemptionStatus } from '#shared/domain/redemption'
import type { VoucherStatus } from '#shared/domain/vouchers'

// The counter (核销) and the money it moves: sales, their lookups, lists and the monthly statement.

/** A sale on the subsidy (POST /api/v1/merchant/redemptions and the lists). */
export interface RedemptionDto {
  id: string
  voucherId: string
  eventId: string
  categoryCode: string
  productId: string
  status: RedemptionStatus
  priceFen: number
  subsidyFen: number
  payableFen: number
  serialNo: string
  invoiceNo: string
  createdAt: string
  voidableUntil: string
}

/** GET /api/v1/merchant/vouchers/{code}: what a code is for and whether this shop can redeem it now. */
export interface VoucherLookupDto {
  code: string
  eventSlug: string
  eventTitle: string
  categoryCode: string
  status: VoucherStatus
  expiresAt: string
  capFen: number
  nameMasked: string
  redeemable: boolean
  reason?: string
}

/** A sale in the shop's list and the bureau's review, with what a person reads it by. */
export interface RedemptionListItem extends RedemptionDto {
  voucherCode: string
  eventSlug: string
  merchantId: string
  merchantName: string
  productBrand: string
  productModel: string
  filedPriceFen: number
  flags: string[]
  reversalReason: string | null
}

/** GET /api/v1/merchant/statements: what the bureau owes the shop for a month. */
export interface StatementDto {
  month: string
  from: string
  to: string
  count: number
  subsidyFen: number
  salesFen: number
  categories: Array<{ categoryCode: string, count: number, subsidyFen: number, salesFen: number }>
}
