import { DomainError } from './errors'

/**
 * A merchant's promotion (PRODUCT.md "Promotion 优惠"): the merchant drafts and submits it, a reviewer
 * approves or rejects it (with a reason), and the merchant may end it early. Only an approved one inside
 * its period is public (server/services/promotions.ts).
 */
export const PROMOTION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'ended'] as const
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number]

export const PROMOTION_ACTIONS = ['submit', 'approve', 'reject', 'end'] as const
export type PromotionAction = (typeof PROMOTION_ACTIONS)[number]
export type StaffPromotionAction = Extract<PromotionAction, 'approve' | 'reject'>

export const PROMOTION_KINDS = ['extra_discount', 'gift', 'free_installation', 'free_pickup', 'free_charger'] as const
export type PromotionKind = (typeof PROMOTION_KINDS)[number]

const TRANSITIONS: Record<PromotionAction, Partial<Record<PromotionStatus, PromotionStatus>>> = {
  // A merchant sends a draft for review, or sends a rejected one again after fixing it.
  submit: { draft: 'submitted', rejected: 'submitted' },
  approve: { submitted: 'approved' },
  reject: { submitted: 'rejected' },
  // The merchant withdraws or ends early whatever is still live or on its way; an ended one stays ended.
  end: { draft: 'ended', submitted: 'ended', approved: 'ended' },
}

const PAST: Record<PromotionAction, string> = { submit: 'submitted', approve: 'approved', reject: 'rejected', end: 'ended' }

export function promotionReasonRequired(action: PromotionAction): boolean {
  return action === 'reject'
}

/** The status after `action`, or INVALID_TRANSITION; a rejection without a (non-blank) reason is VALIDATION_FAILED. */
export function nextPromotionStatus(status: PromotionStatus, action: PromotionAction, reason?: string | null): PromotionStatus {
  const next = TRANSITIONS[action][status]
  if (!next) throw new DomainError('INVALID_TRANSITION', `A ${status} promotion cannot be ${PAST[action]}`, { from: status, action })
  if (promotionReasonRequired(action) && !reason?.trim()) {
    throw new DomainError('VALIDATION_FAILED', 'A reason is required', { issues: [{ path: 'reason', message: 'A reason is required' }] })
  }
  return next
}

export function allowedPromotionActions(status: PromotionStatus): PromotionAction[] {
  return PROMOTION_ACTIONS.filter(action => TRANSITIONS[action][status] !== undefined)
}

/** A free charging pile only makes sense with a car. */
export function promotionKindProblem(kind: PromotionKind, eventKind: string): string | null {
  if (kind === 'free_charger' && eventKind !== 'car') return 'A free charging pile can only be offered in a car event'
  return null
}

export interface PeriodIssue { path: 'startsAt' | 'endsAt', message: string }

function time(d: Date, field: 'startsAt' | 'endsAt'): number {
  const t = d.getTime()
  if (Number.isNaN(t)) throw new DomainError('VALIDATION_FAILED', `${field} is not a valid date`, { issues: [{ path: field, message: 'Not a valid date' }] })
  return t
}

/**
 * What is wrong with a promotion's period, naming the field to fix: it must end after it starts and lie
 * inside the event's period (both half-open, [startsAt, endsAt)). With `now`, it must also not be over already.
 */
export function promotionPeriodIssue(
  startsAt: Date,
  endsAt: Date,
  event: { startsAt: Date, endsAt: Date },
  now?: Date,
): PeriodIssue | null {
  const start = time(startsAt, 'startsAt')
  const end = time(endsAt, 'endsAt')
  if (end <= start) return { path: 'endsAt', message: 'The end must be after the start' }
  if (start < event.startsAt.getTime()) return { path: 'startsAt', message: 'The promotion cannot start before the event starts' }
  if (end > event.endsAt.getTime()) return { path: 'endsAt', message: 'The promotion cannot end after the event ends' }
  if (now && end <= now.getTime()) return { path: 'endsAt', message: 'The end is already past' }
  return null
}

/** The message of promotionPeriodIssue, or null when the period is fine. */
export function promotionPeriodProblem(
  startsAt: Date,
  endsAt: Date,
  event: { startsAt: Date, endsAt: Date },
  now?: Date,
): string | null {
  return promotionPeriodIssue(startsAt, endsAt, event, now)?.message ?? null
}
