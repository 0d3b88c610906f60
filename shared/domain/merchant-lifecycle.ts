import { DomainError } from './errors'

/**
 * Merchant lifecycle (PRODUCT.md rule 8): draft → submitted → approved | rejected | changes_requested;
 * approved ⇄ suspended. Reasons are required for everything but submitting and approving.
 */
export const MERCHANT_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'changes_requested', 'suspended'] as const
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number]

export const STAFF_MERCHANT_ACTIONS = ['approve', 'reject', 'request_changes', 'suspend', 'reinstate'] as const
export type StaffMerchantAction = (typeof STAFF_MERCHANT_ACTIONS)[number]
export type MerchantAction = 'submit' | StaffMerchantAction

const TRANSITIONS: Record<MerchantAction, Partial<Record<MerchantStatus, MerchantStatus>>> = {
  // A merchant sends its application, or sends it again after fixing what the reviewer asked for.
  submit: { draft: 'submitted', changes_requested: 'submitted', rejected: 'submitted' },
  approve: { submitted: 'approved' },
  reject: { submitted: 'rejected' },
  request_changes: { submitted: 'changes_requested' },
  suspend: { approved: 'suspended' },
  reinstate: { suspended: 'approved' },
}

export function reasonRequired(action: MerchantAction): boolean {
  return action !== 'submit' && action !== 'approve'
}

export function nextMerchantStatus(status: MerchantStatus, action: MerchantAction, reason?: string | null): MerchantStatus {
  const next = TRANSITIONS[action][status]
  if (!next) throw new DomainError('INVALID_TRANSITION', `A ${status} merchant cannot be ${action.replace('_', ' ')}`, { from: status, action })
  if (reasonRequired(action) && !reason?.trim()) throw new DomainError('VALIDATION_FAILED', 'A reason is required', { issues: [{ path: 'reason', message: 'A reason is required' }] })
  return next
}

export function allowedMerchantActions(status: MerchantStatus): MerchantAction[] {
  return (Object.keys(TRANSITIONS) as MerchantAction[]).filter(action => TRANSITIONS[action][status] !== undefined)
}

/** Only approved merchants are public, join events, publish promotions and redeem. */
export function isPublicMerchant(status: MerchantStatus): boolean {
  return status === 'approved'
}

/** The merchant may edit its application while it is not under review. */
export function canEditProfile(status: MerchantStatus): boolean {
  return status !== 'submitted'
}

export interface LegalFields { name: string, uscc: string, address: string, categories: readonly string[] }

/**
 * Fields whose change by an approved (or suspended) merchant goes back to review while the live listing
 * stays as approved: the legal ones (name, USCC, address) and the categories it may subsidise.
 */
export function changedLegalFields(live: LegalFields, proposed: LegalFields): Array<keyof LegalFields> {
  const changed: Array<keyof LegalFields> = []
  if (live.name.trim() !== proposed.name.trim()) changed.push('name')
  if (live.uscc.toUpperCase() !== proposed.uscc.toUpperCase()) changed.push('uscc')
  if (live.address.trim() !== proposed.address.trim()) changed.push('address')
  const a = [...live.categories].sort().join(',')
  const b = [...proposed.categories].sort().join(',')
  if (a !== b) changed.push('categories')
  return changed
}

/**
 * A reviewer's decision on the pending legal change of an approved merchant: approving applies it,
 * rejecting or requesting changes discards it (with a reason); the merchant stays approved either way.
 */
export function pendingChangeOutcome(action: StaffMerchantAction, reason?: string | null): 'apply' | 'discard' {
  if (action === 'approve') return 'apply'
  if (action === 'reject' || action === 'request_changes') {
    if (!reason?.trim()) throw new DomainError('VALIDATION_FAILED', 'A reason is required', { issues: [{ path: 'reason', message: 'A reason is required' }] })
    return 'discard'
  }
  throw new DomainError('INVALID_TRANSITION', 'Decide the pending change first')
}
