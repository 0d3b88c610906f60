import type { EventStatus } from '#shared/domain/event-lifecycle'
import type { PublicEventStatus, ReleaseState } from '#shared/domain/events'
import { fenToYuanString, parseYuanToFen } from '#shared/domain/money'
import type { EventKind, EventRuleDto } from '#shared/types/public'
import { useConsoleError, type ApiIssue } from '~/composables/useConsoleError'
import { useI18n } from '~/composables/useI18n'

/** GET /api/v1/admin/events/{slug} → releases[] (server/services/event-admin.ts). */
export interface AdminRelease {
  id: string
  categoryCode: string
  opensAt: string
  closesAt: string
  quota: number
  claimed: number
  remaining: number
  state: ReleaseState
  createdAt: string
}

/** One row of GET /api/v1/admin/events. */
export interface AdminEventSummary {
  id: string
  slug: string
  title: string
  titleEn: string
  kind: EventKind
  status: EventStatus
  publicStatus: PublicEventStatus | null
  startsAt: string
  endsAt: string
  budgetFen: number
  reservedFen: number
  spentFen: number
  availableFen: number
  categories: string[]
  createdAt: string
  updatedAt: string
}

export interface AdminEvent extends AdminEventSummary {
  description: string
  descriptionEn: string
  rules: EventRuleDto[]
  releases: AdminRelease[]
}

// The shared schemas speak English; these are the bureau forms' sentences in the reader's language.
const BUREAU_FIELD_MESSAGES: Array<[RegExp, string]> = [
  [/^A rate is 0 to 100 %$/, 'rateRange'],
  [/^At most two decimals$/, 'twoDecimals'],
  [/^Give a rate for at least one grade$/, 'rateAtLeastOne'],
  [/^Give rates by grade or a fixed amount, not both$/, 'rateOrFixedNotBoth'],
  [/^Give rates by grade or a fixed amount$/, 'rateOrFixed'],
  [/^A rate rule needs a cap per item$/, 'capRequired'],
  [/^Already has a rule/, 'ruleTwice'],
  [/^An amount in fen$/, 'amount'],
  [/^A whole number of fen$/, 'amount'],
  [/^Must not be negative$/, 'notNegative'],
  [/^Must be more than 0$/, 'positive'],
  [/^Too large$/, 'tooLarge'],
  [/^Enter a title$/, 'title'],
  [/^Enter the English title$/, 'titleEn'],
  [/^Use an ISO 8601 time/, 'dateTime'],
  [/^The release must close after it opens$/, 'releaseOrder'],
  [/^At least 1$/, 'atLeastOne'],
  [/^At most 10$/, 'atMostTen'],
  [/^At most 1,000,000$/, 'atMostMillion'],
  [/^A whole number$/, 'wholeNumber'],
  [/^A number$/, 'number'],
  [/^A grade is 1 to 5$/, 'grade'],
  [/^Invalid slug$/, 'slug'],
  [/^Nothing to change$/, 'nothing'],
  [/^This slug is already used/, 'slugTaken'],
  [/^The release must open within the event period$/, 'releaseOpensInside'],
  [/^The release must close within the event period$/, 'releaseClosesInside'],
  [/^The event has no rule for/, 'releaseNoRule'],
  [/^The budget cannot go below/, 'budgetBelowCommitted'],
  [/^Categories with qualification releases keep their rule/, 'rulesWithReleases'],
  [/^The kind of a published event cannot change$/, 'kindPublished'],
  [/qualification release\(s\) would fall outside the event period$/, 'releasesOutside'],
  [/category, not /, 'categoryKind'],
]

/**
 * Helpers of the bureau's event and catalogue pages: times as Beijing-time datetime-local values, yuan
 * inputs to fen and back, and the schemas' / server's field messages by path in plain words.
 */
export function useAdminEvents() {
  const { t } = useI18n()
  const { fieldMessage } = useConsoleError()

  function yuanInput(fen: number | null | undefined): string {
    return fen === null || fen === undefined ? '' : fenToYuanString(fen)
  }

  /** A yuan input → fen; empty → null; unreadable → the text itself, which the schema refuses as "an amount". */
  function fenOf(input: string): number | null | string {
    if (input.trim() === '') return null
    return parseYuanToFen(input) ?? input
  }

  /** A number input (%, count) → number; empty → null; unreadable → the text. */
  function numberOf(input: string | number): number | null | string {
    if (typeof input === 'number') return Number.isFinite(input) ? input : null
    if (input.trim() === '') return null
    const n = Number(input.trim())
    return Number.isFinite(n) ? n : input
  }

  function messageText(message: string): string {
    for (const [pattern, key] of BUREAU_FIELD_MESSAGES) {
      if (pattern.test(message)) return t(`bureauErrors.${key}`)
    }
    return fieldMessage(message)
  }

  /** Issues (zod or the server's) keyed by their dotted path, first message each; '' is the form itself. */
  function byPath(issues: ReadonlyArray<{ path: readonly PropertyKey[] | string, message: string }>): Record<string, string> {
    const out: Record<string, string> = {}
    for (const issue of issues) {
      const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.')
      out[path] ??= messageText(issue.message)
    }
    return out
  }

  function serverIssues(issues: ApiIssue[]): Record<string, string> {
    return byPath(issues)
  }

  return { yuanInput, fenOf, numberOf, messageText, byPath, serverIssues }
}
