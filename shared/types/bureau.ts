import type { EventStatus } from '#shared/domain/event-lifecycle'
import type { EventKind, PublicEventStatus } from '#shared/domain/events'
import type { MerchantStatus } from '#shared/domain/merchant-lifecycle'
import type { Street } from '#shared/domain/streets'
import type { MerchantProfileDto } from '#shared/types/merchants'
import type { EventRuleDto, ReleaseDto } from '#shared/types/public'

// The bureau's screens (API.md "Bureau"): events and their releases, the review queue, the audit log.

/** A release as the bureau sees it: the public figures plus how many were claimed and when it was made. */
export interface AdminReleaseDto extends ReleaseDto {
  claimed: number
  createdAt: string
}

/** One event in the bureau's list (GET /api/v1/admin/events). */
export interface AdminEventSummaryDto {
  id: string
  slug: string
  title: string
  titleEn: string
  kind: EventKind
  /** Lifecycle status (draft | published | closed). */
  status: EventStatus
  /** What residents see (current | upcoming | ended); null for a draft. */
  publicStatus: PublicEventStatus | null
  startsAt: string
  endsAt: string
  budgetFen: number
  reservedFen: number
  spentFen: number
  /** budget − reserved − spent: what claims can still reserve. */
  availableFen: number
  categories: string[]
  createdAt: string
  updatedAt: string
}

/** GET /api/v1/admin/events/{slug}: the event with its rules and every release. */
export interface AdminEventDto extends AdminEventSummaryDto {
  description: string
  descriptionEn: string
  rules: EventRuleDto[]
  releases: AdminReleaseDto[]
}

/** One entry of the append-only audit log (GET /api/v1/admin/audit). */
export interface AuditEntryDto {
  id: number
  at: string
  actorUserId: string | null
  actorRole: string | null
  action: string
  entityType: string
  entityId: string
  before: unknown
  after: unknown
  reason: string | null
}

/** POST /api/v1/admin/products/import: what the file did to the catalogue. */
export interface CatalogueImportResult {
  /** Rows in the file (all of them: an import is all or nothing). */
  imported: number
  /** New products. */
  created: number
  /** Existing (category, brand, model) products whose grades, label number or filed price were overwritten. */
  updated: number
  /** Of `updated`, products that had been retired and are listed again because the file names them. */
  reactivated: number
}

/** One merchant in the review queue (GET /api/v1/admin/merchants). */
export interface MerchantQueueItem {
  id: string
  name: string
  status: MerchantStatus
  street: Street
  categories: string[]
  submittedAt: string | null
  updatedAt: string
  hasPendingChange: boolean
  reviewReason: string | null
}

/** GET /api/v1/admin/merchants/{id}: the full record with its owner and audit history. */
export interface MerchantForStaffDto extends MerchantProfileDto {
  ownerPhone: string | null
  history: AuditEntryDto[]
}
