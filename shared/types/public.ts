import type { GradeKey } from '#shared/domain/subsidy'
import type { EventKind, PublicEventStatus } from '#shared/domain/events'
import type { Street } from '#shared/domain/streets'

// Shapes of the public API (API.md "Public"): what routes return and what pages render.

export type { EventKind, Street }

export interface Page<T> { items: T[], total: number, page: number, pageSize: number }

export interface CategoryDto {
  code: string
  kind: EventKind
  nameZh: string
  nameEn: string
  safeUseYears: number | null
  safeUseNote: string | null
}

export interface EventSummaryDto {
  id: string
  slug: string
  title: string
  titleEn: string
  kind: EventKind
  status: PublicEventStatus
  startsAt: string
  endsAt: string
  budgetFen: number
  spentFen: number
  reservedFen: number
  categories: string[]
  /** The next time a qualification batch opens, if one is scheduled. */
  nextReleaseAt: string | null
}

export interface EventRuleDto {
  categoryCode: string
  ratePctByGrade: Partial<Record<GradeKey, number>> | null
  capFen: number | null
  fixedFen: number | null
  perPersonLimit: number
  priceCeilingFen: number | null
  requiresTradeIn: boolean
}

export interface ReleaseDto {
  id: string
  categoryCode: string
  opensAt: string
  closesAt: string
  quota: number
  remaining: number
  state: 'scheduled' | 'open' | 'sold_out' | 'closed'
}

export interface EventDetailDto extends EventSummaryDto {
  description: string
  descriptionEn: string
  rules: EventRuleDto[]
  releases: ReleaseDto[]
  enrolledMerchants: number
}

export interface ProductDto {
  id: string
  brand: string
  brandAlias: string | null
  model: string
  categoryCode: string
  energyGrade: number | null
  waterGrade: number | null
  labelNo: string | null
  filedPriceFen: number
  retired: boolean
}

export interface ProductSubsidyDto {
  eventSlug: string
  eventTitle: string
  eventTitleEn: string
  eventStatus: PublicEventStatus
  eligible: boolean
  subsidyFen: number
  payableFen: number
  reason?: string
}

export interface ProductDetailDto extends ProductDto {
  /** What the product would get at its filed price in each current or upcoming event covering its category. */
  subsidies: ProductSubsidyDto[]
}

export interface MerchantDto {
  id: string
  name: string
  street: Street
  address: string
  storePhone: string
  categories: string[]
  openingHours: string
  lat: number | null
  lng: number | null
  distanceM?: number
}

export interface PromotionDto {
  id: string
  merchantId: string
  merchantName: string
  eventSlug: string
  eventTitle: string
  eventTitleEn: string
  kind: 'extra_discount' | 'gift' | 'free_installation' | 'free_pickup' | 'free_charger'
  title: string
  description: string
  categories: string[]
  startsAt: string
  endsAt: string
}

export interface MerchantDetailDto extends MerchantDto {
  promotions: PromotionDto[]
  events: Array<{ slug: string, title: string, titleEn: string, categories: string[] }>
}

export interface SubsidyQuoteDto {
  eligible: boolean
  subsidyFen: number
  payableFen: number
  reason?: string
}

export interface PublicStatsDto {
  events: Array<{
    slug: string
    title: string
    titleEn: string
    status: PublicEventStatus
    budgetFen: number
    reservedFen: number
    spentFen: number
    /** Qualifications released and currently held, per category. */
    categories: Array<{ categoryCode: string, quota: number, claimed: number }>
  }>
}
