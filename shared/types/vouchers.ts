import type { RedemptionStatus } from '#shared/domain/redemption'
import type { VoucherStatus } from '#shared/domain/vouchers'

// Subsidy qualifications (补贴资格, "vouchers" in the API and the code) as residents see them.

/** POST /api/v1/events/{slug}/vouchers: the qualification just claimed. */
export interface ClaimedVoucherDto {
  id: string
  code: string
  eventSlug: string
  categoryCode: string
  status: 'active'
  expiresAt: string
  capFen: number
}

/** One of the resident's qualifications (GET /api/v1/me/vouchers), with the sale made on it if any. */
export interface MyVoucherDto {
  id: string
  code: string
  eventSlug: string
  eventTitle: string
  categoryCode: string
  status: VoucherStatus
  expiresAt: string
  capFen: number
  createdAt: string
  redemption?: { merchantName: string, productBrand: string, productModel: string, subsidyFen: number, payableFen: number, status: RedemptionStatus, createdAt: string }
}
