import type { VoucherStatus } from '#shared/domain/vouchers'

export interface MyVoucher {
  id: string
  code: string
  eventSlug: string
  eventTitle: string
  categoryCode: string
  status: VoucherStatus
  expiresAt: string
  capFen: number
  createdAt: string
  redemption?: { merchantName: string, productBrand: string, productModel: string, subsidyFen: number, payableFen: number, status: string, createdAt: string }
}

/** The signed-in resident's qualifications (GET /api/v1/me/vouchers), never cached. */
export function useVouchers() {
  return useFetch<{ items: MyVoucher[] }>('/api/v1/me/vouchers', { key: 'me-vouchers', server: false, default: () => ({ items: [] }) })
}
