import { pgEnum } from 'drizzle-orm/pg-core'

export const eventKind = pgEnum('event_kind', ['appliance', 'gas', 'home', 'digital', 'car'])
export const eventStatus = pgEnum('event_status', ['draft', 'published', 'closed'])
export const street = pgEnum('street', ['jiangnan', 'waihai', 'lile'])
export const merchantStatus = pgEnum('merchant_status', [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'changes_requested',
  'suspended',
])
export const promotionKind = pgEnum('promotion_kind', [
  'extra_discount',
  'gift',
  'free_installation',
  'free_pickup',
  'free_charger',
])
export const promotionStatus = pgEnum('promotion_status', ['draft', 'submitted', 'approved', 'rejected', 'ended'])
export const userRole = pgEnum('user_role', ['resident', 'merchant', 'reviewer', 'admin'])
export const voucherStatus = pgEnum('voucher_status', ['active', 'redeemed', 'expired', 'cancelled'])
export const redemptionStatus = pgEnum('redemption_status', ['completed', 'voided', 'reversed'])
