import type { PromotionStatus } from '#shared/domain/promotion-lifecycle'
import type { PromotionDto } from '#shared/types/public'

/** A promotion with its lifecycle, as its owner and the reviewers see it (server/services/merchant-promotions.ts). */
export interface PromotionRecord extends PromotionDto {
  status: PromotionStatus
  reviewReason: string | null
  createdAt: string
  updatedAt: string
}

/** The signed-in merchant's own promotions, newest first (GET /api/v1/merchant/promotions). */
export function useOwnPromotions(options: { immediate?: boolean } = {}) {
  return useFetch<{ items: PromotionRecord[] }>('/api/v1/merchant/promotions', {
    key: 'merchant-promotions',
    immediate: options.immediate ?? true,
  })
}
