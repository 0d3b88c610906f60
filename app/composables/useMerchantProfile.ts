import type { MerchantStatus } from '#shared/domain/merchant-lifecycle'
import type { Street } from '#shared/types/public'

/** A legal change of an approved merchant that waits for review (the public listing keeps the approved values). */
export interface MerchantPendingChange {
  name: string
  uscc: string
  address: string
  /** Absent when the categories stay as they are. */
  categories?: string[]
  submittedAt: string
}

/** GET /api/v1/merchant/profile (server/services/merchant-profiles.ts MerchantProfileDto). */
export interface MerchantProfile {
  id: string
  status: MerchantStatus
  reviewReason: string | null
  name: string
  uscc: string
  legalRep: string
  contactPhone: string
  storePhone: string
  address: string
  street: Street
  categories: string[]
  openingHours: string
  lat: number | null
  lng: number | null
  pendingChange: MerchantPendingChange | null
  submittedAt: string | null
  approvedAt: string | null
  updatedAt: string
}

/** The signed-in merchant's own application; `notApplied` when there is none yet (404). */
export async function useMerchantProfile() {
  const result = useFetch<MerchantProfile>('/api/v1/merchant/profile', { key: 'merchant-profile', dedupe: 'defer' })
  await result
  const notApplied = computed(() => result.error.value?.statusCode === 404)
  return {
    profile: result.data,
    status: result.status,
    error: result.error,
    refresh: result.refresh,
    notApplied,
  }
}
