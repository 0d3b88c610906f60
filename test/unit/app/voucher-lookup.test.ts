import { describe, expect, it } from 'vitest'
import { lookupExpiry, lookupRefusal } from '~~/app/utils/voucher-lookup'

describe('the counter lookup of a code', () => {
  it('tells a cancelled qualification from an expired one (the server says VOUCHER_EXPIRED for both)', () => {
    expect(lookupRefusal({ status: 'cancelled', redeemable: false, reason: 'VOUCHER_EXPIRED' })).toBe('cancelled')
    expect(lookupRefusal({ status: 'expired', redeemable: false, reason: 'VOUCHER_EXPIRED' })).toBe('expired')
    // Past its expiry but not yet swept by the expiry job.
    expect(lookupRefusal({ status: 'active', redeemable: false, reason: 'VOUCHER_EXPIRED' })).toBe('expired')
  })

  it('says other refusals with their own code, and nothing for a redeemable code', () => {
    expect(lookupRefusal({ status: 'redeemed', redeemable: false, reason: 'VOUCHER_USED' })).toBe('other')
    expect(lookupRefusal({ status: 'active', redeemable: false, reason: 'NOT_ENROLLED' })).toBe('other')
    expect(lookupRefusal({ status: 'cancelled', redeemable: false, reason: 'MERCHANT_NOT_APPROVED' })).toBe('other')
    expect(lookupRefusal({ status: 'active', redeemable: true })).toBeNull()
  })

  it('shows "valid until" only for a qualification still valid', () => {
    expect(lookupExpiry({ status: 'active', redeemable: true })).toBe('validUntil')
    expect(lookupExpiry({ status: 'active', redeemable: false, reason: 'NOT_ENROLLED' })).toBe('validUntil')
    expect(lookupExpiry({ status: 'expired', redeemable: false, reason: 'VOUCHER_EXPIRED' })).toBe('expiredAt')
    expect(lookupExpiry({ status: 'active', redeemable: false, reason: 'VOUCHER_EXPIRED' })).toBe('expiredAt')
    expect(lookupExpiry({ status: 'cancelled', redeemable: false, reason: 'VOUCHER_EXPIRED' })).toBeNull()
    expect(lookupExpiry({ status: 'redeemed', redeemable: false, reason: 'VOUCHER_USED' })).toBeNull()
  })
})
