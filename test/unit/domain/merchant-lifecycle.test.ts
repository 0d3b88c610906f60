import { describe, expect, it } from 'vitest'
import { DomainError } from '#shared/domain/errors'
import {
  MERCHANT_STATUSES,
  allowedMerchantActions,
  canEditProfile,
  changedLegalFields,
  isPublicMerchant,
  nextMerchantStatus,
  pendingChangeOutcome,
  reasonRequired,
  type MerchantAction,
  type MerchantStatus,
} from '#shared/domain/merchant-lifecycle'

const ACTIONS: MerchantAction[] = ['submit', 'approve', 'reject', 'request_changes', 'suspend', 'reinstate']

/** The whole table, written out: [status, action] → next status, or null when refused. */
const EXPECTED: Record<MerchantStatus, Record<MerchantAction, MerchantStatus | null>> = {
  draft: { submit: 'submitted', approve: null, reject: null, request_changes: null, suspend: null, reinstate: null },
  submitted: { submit: null, approve: 'approved', reject: 'rejected', request_changes: 'changes_requested', suspend: null, reinstate: null },
  approved: { submit: null, approve: null, reject: null, request_changes: null, suspend: 'suspended', reinstate: null },
  rejected: { submit: 'submitted', approve: null, reject: null, request_changes: null, suspend: null, reinstate: null },
  changes_requested: { submit: 'submitted', approve: null, reject: null, request_changes: null, suspend: null, reinstate: null },
  suspended: { submit: null, approve: null, reject: null, request_changes: null, suspend: null, reinstate: 'approved' },
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
    return undefined
  }
  catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError'
  }
}

describe('merchant lifecycle: every status × action', () => {
  for (const status of MERCHANT_STATUSES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[status][action]
      it(`${status} --${action}--> ${expected ?? 'INVALID_TRANSITION'}`, () => {
        if (expected) expect(nextMerchantStatus(status, action, 'a reason')).toBe(expected)
        else expect(codeOf(() => nextMerchantStatus(status, action, 'a reason'))).toBe('INVALID_TRANSITION')
      })
    }
  }

  it('allowedMerchantActions lists exactly the permitted ones', () => {
    for (const status of MERCHANT_STATUSES) {
      expect(allowedMerchantActions(status).sort()).toEqual(ACTIONS.filter(a => EXPECTED[status][a] !== null).sort())
    }
  })
})

describe('reasons', () => {
  it('are required for everything but submitting and approving', () => {
    expect(ACTIONS.filter(reasonRequired).sort()).toEqual(['reinstate', 'reject', 'request_changes', 'suspend'])
  })

  it.each([undefined, null, '', '   '])('a missing reason (%s) is refused with VALIDATION_FAILED', (reason) => {
    expect(codeOf(() => nextMerchantStatus('submitted', 'reject', reason))).toBe('VALIDATION_FAILED')
    expect(codeOf(() => nextMerchantStatus('approved', 'suspend', reason))).toBe('VALIDATION_FAILED')
    expect(nextMerchantStatus('submitted', 'approve', reason)).toBe('approved')
  })

  it('an invalid transition is reported before a missing reason', () => {
    expect(codeOf(() => nextMerchantStatus('draft', 'reject', ''))).toBe('INVALID_TRANSITION')
  })
})

describe('visibility and editing', () => {
  it('only approved merchants are public', () => {
    expect(MERCHANT_STATUSES.filter(isPublicMerchant)).toEqual(['approved'])
  })

  it('the application is locked while it is being reviewed', () => {
    expect(MERCHANT_STATUSES.filter(s => !canEditProfile(s))).toEqual(['submitted'])
  })
})

describe('legal changes of an approved merchant', () => {
  const live = { name: '江海电器行', uscc: '91440704MA53MD3FG9', address: '外海大道 1 号', categories: ['fridge', 'tv'] }

  it('name, USCC, address and categories go back to review; other fields do not count', () => {
    expect(changedLegalFields(live, { ...live })).toEqual([])
    expect(changedLegalFields(live, { ...live, name: '江海电器城' })).toEqual(['name'])
    expect(changedLegalFields(live, { ...live, uscc: '91440704MA53MD3FG0' })).toEqual(['uscc'])
    expect(changedLegalFields(live, { ...live, address: '外海大道 2 号' })).toEqual(['address'])
    expect(changedLegalFields(live, { ...live, categories: ['tv', 'fridge', 'ac'] })).toEqual(['categories'])
  })

  it('ignores order of categories, surrounding spaces and USCC case', () => {
    expect(changedLegalFields(live, { ...live, name: ' 江海电器行 ', uscc: live.uscc.toLowerCase(), categories: ['tv', 'fridge'] })).toEqual([])
  })

  it('approve applies a pending change; reject and request_changes discard it with a reason; others are refused', () => {
    expect(pendingChangeOutcome('approve')).toBe('apply')
    expect(pendingChangeOutcome('reject', '地址无法核实')).toBe('discard')
    expect(pendingChangeOutcome('request_changes', '请上传新营业执照')).toBe('discard')
    expect(codeOf(() => pendingChangeOutcome('reject'))).toBe('VALIDATION_FAILED')
    expect(codeOf(() => pendingChangeOutcome('reinstate', 'x'))).toBe('INVALID_TRANSITION')
  })
})
