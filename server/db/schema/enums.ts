import { pgEnum } from 'drizzle-orm/pg-core'
import { EVENT_STATUSES } from '#shared/domain/event-lifecycle'
import { EVENT_KINDS } from '#shared/domain/events'
import { MERCHANT_STATUSES } from '#shared/domain/merchant-lifecycle'
import { PROMOTION_KINDS, PROMOTION_STATUSES } from '#shared/domain/promotion-lifecycle'
import { REDEMPTION_STATUSES } from '#shared/domain/redemption'
import { ROLES } from '#shared/domain/roles'
import { STREETS } from '#shared/domain/streets'
import { VOUCHER_STATUSES } from '#shared/domain/vouchers'

// The database's states are the shared constants: a value the rules or the forms do not know cannot be stored.
export const eventKind = pgEnum('event_kind', EVENT_KINDS)
export const eventStatus = pgEnum('event_status', EVENT_STATUSES)
export const street = pgEnum('street', STREETS)
export const merchantStatus = pgEnum('merchant_status', MERCHANT_STATUSES)
export const promotionKind = pgEnum('promotion_kind', PROMOTION_KINDS)
export const promotionStatus = pgEnum('promotion_status', PROMOTION_STATUSES)
export const userRole = pgEnum('user_role', ROLES)
export const voucherStatus = pgEnum('voucher_status', VOUCHER_STATUSES)
export const redemptionStatus = pgEnum('redemption_status', REDEMPTION_STATUSES)
