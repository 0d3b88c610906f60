import { describe, expect, it } from 'vitest'
import { DomainError } from '#shared/domain/errors'
import {
  allowedPromotionActions,
  nextPromotionStatus,
  PROMOTION_ACTIONS,
  PROMOTION_KINDS,
  PROMOTION_STATUSES,
  promotionKindProblem,
  promotionPeriodIssue,
  promotionPeriodProblem,
  type PromotionAction,
  type PromotionStatus,
} from '#shared/domain/promotion-lifecycle'

// The whole state machine, written out independently of the implementation: null = INVALID_TRANSITION.
const EXPECTED: Record<PromotionStatus, Record<PromotionAction, PromotionStatus | null>> = {
  draft: { submit: 'submitted', approve: null, reject: null, end: 'ended' },
  submitted: { submit: null, approve: 'approved', reject: 'rejected', end: 'ended' },
  approved: { submit: null, approve: null, reject: null, end: 'ended' },
  rejected: { submit: 'submitted', approve: null, reject: null, end: null },
  ended: { submit: null, approve: null, reject: null, end: null },
}

const CASES = PROMOTION_STATUSES.flatMap(status => PROMOTION_ACTIONS.map(action => [status, action, EXPECTED[status][action]] as const))

function errorOf(fn: () => unknown): DomainError {
  try {
    fn()
  }
  catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a DomainError')
}

describe('nextPromotionStatus', () => {
  it('covers all 5 statuses × 4 actions', () => {
    expect(CASES).toHaveLength(20)
    expect([...PROMOTION_STATUSES].sort()).toEqual(['approved', 'draft', 'ended', 'rejected', 'submitted'])
    expect([...PROMOTION_ACTIONS].sort()).toEqual(['approve', 'end', 'reject', 'submit'])
  })

  it.each(CASES)('%s + %s → %s', (status, action, expected) => {
    const call = () => nextPromotionStatus(status, action, 'the title promises a government subsidy')
    if (expected === null) {
      const error = errorOf(call)
      expect(error.code).toBe('INVALID_TRANSITION')
      expect(error.details).toEqual({ from: status, action })
    }
    else {
      expect(call()).toBe(expected)
    }
  })

  it('allowedPromotionActions agrees with the table', () => {
    for (const status of PROMOTION_STATUSES) {
      const expected = PROMOTION_ACTIONS.filter(action => EXPECTED[status][action] !== null)
      expect(allowedPromotionActions(status), status).toEqual(expected)
    }
  })

  it('an ended promotion is final', () => {
    expect(allowedPromotionActions('ended')).toEqual([])
  })
})

describe('reasons', () => {
  it('a rejection needs a reason that is not blank', () => {
    for (const reason of [undefined, null, '', '   ', '\n\t']) {
      const error = errorOf(() => nextPromotionStatus('submitted', 'reject', reason))
      expect(error.code, JSON.stringify(reason)).toBe('VALIDATION_FAILED')
      expect(error.details).toEqual({ issues: [{ path: 'reason', message: 'A reason is required' }] })
    }
    expect(nextPromotionStatus('submitted', 'reject', ' 标题写成“最高补贴”，易与政府补贴混淆 ')).toBe('rejected')
  })

  it('the other actions need none', () => {
    expect(nextPromotionStatus('submitted', 'approve')).toBe('approved')
    expect(nextPromotionStatus('submitted', 'approve', null)).toBe('approved')
    expect(nextPromotionStatus('draft', 'submit')).toBe('submitted')
    expect(nextPromotionStatus('rejected', 'submit', '')).toBe('submitted')
    expect(nextPromotionStatus('approved', 'end')).toBe('ended')
  })

  it('an impossible rejection is an invalid transition, with or without a reason', () => {
    expect(errorOf(() => nextPromotionStatus('approved', 'reject')).code).toBe('INVALID_TRANSITION')
    expect(errorOf(() => nextPromotionStatus('draft', 'reject', 'reason')).code).toBe('INVALID_TRANSITION')
  })
})

describe('promotionKindProblem', () => {
  it('offers a free charging pile in car events only', () => {
    expect(promotionKindProblem('free_charger', 'car')).toBeNull()
    for (const kind of ['appliance', 'gas', 'home', 'digital']) expect(promotionKindProblem('free_charger', kind)).toMatch(/car/)
  })

  it('every other kind fits any event', () => {
    for (const kind of PROMOTION_KINDS.filter(k => k !== 'free_charger')) {
      for (const eventKind of ['appliance', 'gas', 'home', 'digital', 'car']) expect(promotionKindProblem(kind, eventKind)).toBeNull()
    }
  })
})

describe('promotion period', () => {
  const event = { startsAt: new Date('2026-05-01T00:00:00+08:00'), endsAt: new Date('2026-08-01T00:00:00+08:00') }
  const at = (iso: string) => new Date(iso)

  it('accepts a period inside the event, including exactly the event period', () => {
    expect(promotionPeriodProblem(at('2026-05-10T09:00:00+08:00'), at('2026-06-10T21:00:00+08:00'), event)).toBeNull()
    expect(promotionPeriodProblem(event.startsAt, event.endsAt, event)).toBeNull()
  })

  it('must end after it starts', () => {
    const start = at('2026-06-01T00:00:00+08:00')
    expect(promotionPeriodIssue(start, start, event)).toEqual({ path: 'endsAt', message: 'The end must be after the start' })
    expect(promotionPeriodIssue(start, at('2026-05-31T23:59:59+08:00'), event)?.path).toBe('endsAt')
    expect(promotionPeriodProblem(start, new Date(start.getTime() + 1), event)).toBeNull()
  })

  it('may not start before the event', () => {
    const issue = promotionPeriodIssue(new Date(event.startsAt.getTime() - 1), at('2026-06-01T00:00:00+08:00'), event)
    expect(issue?.path).toBe('startsAt')
    expect(promotionPeriodProblem(new Date(event.startsAt.getTime() - 1), at('2026-06-01T00:00:00+08:00'), event)).toBe(issue?.message)
  })

  it('may not end after the event', () => {
    const issue = promotionPeriodIssue(at('2026-06-01T00:00:00+08:00'), new Date(event.endsAt.getTime() + 1), event)
    expect(issue?.path).toBe('endsAt')
    expect(issue?.message).toMatch(/event ends/)
  })

  it('with now, may not be over already; starting in the past is fine', () => {
    const now = at('2026-06-15T12:00:00+08:00')
    expect(promotionPeriodIssue(at('2026-05-01T00:00:00+08:00'), now, event, now)).toEqual({ path: 'endsAt', message: 'The end is already past' })
    expect(promotionPeriodIssue(at('2026-05-01T00:00:00+08:00'), new Date(now.getTime() + 1), event, now)).toBeNull()
  })

  it('refuses an invalid date as VALIDATION_FAILED', () => {
    expect(errorOf(() => promotionPeriodProblem(new Date('nope'), event.endsAt, event)).code).toBe('VALIDATION_FAILED')
    expect(errorOf(() => promotionPeriodProblem(event.startsAt, new Date(Number.NaN), event)).code).toBe('VALIDATION_FAILED')
  })
})
