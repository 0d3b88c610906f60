import { DomainError } from './errors'

/** An event's lifecycle (PRODUCT.md "Reviewer / administrator"): draft → published → closed, never back. */
export const EVENT_STATUSES = ['draft', 'published', 'closed'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

export const EVENT_ACTIONS = ['publish', 'close'] as const
export type EventAction = (typeof EVENT_ACTIONS)[number]

export interface EventTransitionFacts {
  /** How many category rules the event has: a published event without one would offer nothing to claim. */
  ruleCount: number
}

/**
 * The status after `action`, or INVALID_TRANSITION. Publishing needs at least one rule; closing is only for a
 * published event (a draft that is not wanted simply stays unpublished); a closed event is history.
 */
export function nextEventStatus(current: EventStatus, action: EventAction, facts: EventTransitionFacts): EventStatus {
  if (action === 'publish') {
    if (current !== 'draft') throw new DomainError('INVALID_TRANSITION', `A ${current} event cannot be published`, { from: current, action })
    if (facts.ruleCount < 1) throw new DomainError('INVALID_TRANSITION', 'Add at least one category rule before publishing', { from: current, action })
    return 'published'
  }
  if (current !== 'published') throw new DomainError('INVALID_TRANSITION', `A ${current} event cannot be closed`, { from: current, action })
  return 'closed'
}

/** A closed event is history: its fields, rules and releases no longer change. */
export function assertEventEditable(current: EventStatus): void {
  if (current === 'closed') throw new DomainError('INVALID_TRANSITION', 'A closed event can no longer be changed', { from: current })
}
