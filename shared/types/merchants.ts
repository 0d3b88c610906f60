import type { MerchantStatus } from '#shared/domain/merchant-lifecycle'
import type { PromotionStatus } from '#shared/domain/promotion-lifecycle'
import type { Street } from '#shared/domain/streets'
import type { PromotionDto } from '#shared/types/public'

// The merchant console: the shop's application, its events and its promotions.

/** Legal fields whose change sends an approved merchant back to review (rule 8). */
export interface MerchantPendingProfile {
  name: string
  uscc: string
  address: string
  /** Absent when the categories stay as they are. */
  categories?: string[]
  submittedAt: string
}

/** The merchant's own application and listing (GET/PUT /api/v1/merchant/profile). */
export interface MerchantProfileDto {
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
  /** Legal changes awaiting review; the public listing shows the approved values meanwhile. */
  pendingChange: MerchantPendingProfile | null
  submittedAt: string | null
  approvedAt: string | null
  updatedAt: string
}

/** The public promotion plus what its owner and the reviewers need: where it is in its lifecycle and why. */
export interface PromotionRecordDto extends PromotionDto {
  status: PromotionStatus
  reviewReason: string | null
  createdAt: string
  updatedAt: string
}

/** A promotion's lifecycle after an action (submit, end, a decision). */
export interface PromotionStatusDto { id: string, status: PromotionStatus }

/** An event the shop has joined, and for which of its categories. */
export interface EnrolmentDto { eventSlug: string, eventTitle: string, categories: string[] }
