import { z } from 'zod'
import { EVENT_STATUSES } from '#shared/domain/event-lifecycle'
import { categoryCodeSchema, eventKindSchema, paginationShape, slugSchema } from './common'
import { GRADE_KEYS } from './public'

// Bodies of the bureau's event set-up (API.md "Bureau": /admin/events, /admin/events/{slug}/releases).
// Objects are strict: a misspelt field is a 400, never silently dropped. Whether a category exists and
// belongs to the event's kind is checked against the database by server/services/event-admin.ts.

/** Largest fen amount a rule column (int4) holds: ¥21,474,836.47. */
export const MAX_RULE_FEN = 2_147_483_647
/** Budgets are bigint; 10^13 fen (¥100 billion) is far above any district budget and exact in a double. */
export const MAX_BUDGET_FEN = 10_000_000_000_000

const isoWithOffset = z.iso.datetime({ offset: true, error: 'Use an ISO 8601 time with its offset, e.g. 2026-10-01T10:00:00+08:00' })

const ruleFen = z.number({ error: 'An amount in fen' }).int('A whole number of fen').min(0, 'Must not be negative').max(MAX_RULE_FEN, 'Too large')

/** A percentage from 0 to 100, at most two decimals (the subsidy arithmetic works in basis points). */
const ratePct = z.number({ error: 'A percentage' }).min(0, 'A rate is 0 to 100 %').max(100, 'A rate is 0 to 100 %')
  .refine(pct => Math.abs(pct * 100 - Math.round(pct * 100)) < 1e-9, 'At most two decimals')

export const ratePctByGradeSchema = z.partialRecord(z.enum(GRADE_KEYS, { error: 'Grades are 1 to 5, or none' }), ratePct)
  .refine(rates => Object.keys(rates).length > 0, 'Give a rate for at least one grade')

export const eventRuleInputSchema = z.object({
  categoryCode: categoryCodeSchema,
  ratePctByGrade: ratePctByGradeSchema.nullish().transform(v => v ?? null),
  capFen: ruleFen.nullish().transform(v => v ?? null),
  fixedFen: ruleFen.nullish().transform(v => v ?? null),
  perPersonLimit: z.number({ error: 'A number' }).int('A whole number').min(1, 'At least 1').max(10, 'At most 10').default(1),
  priceCeilingFen: ruleFen.nullish().transform(v => v ?? null),
  requiresTradeIn: z.boolean().default(false),
}).strict().superRefine((rule, ctx) => {
  if (rule.ratePctByGrade === null && rule.fixedFen === null) {
    ctx.addIssue({ code: 'custom', path: ['ratePctByGrade'], message: 'Give rates by grade or a fixed amount' })
  }
  if (rule.ratePctByGrade !== null && rule.fixedFen !== null) {
    ctx.addIssue({ code: 'custom', path: ['fixedFen'], message: 'Give rates by grade or a fixed amount, not both' })
  }
  // A claim reserves the cap from the budget (rule 5), so a rate rule without a cap could not be reserved.
  if (rule.ratePctByGrade !== null && rule.capFen === null) {
    ctx.addIssue({ code: 'custom', path: ['capFen'], message: 'A rate rule needs a cap per item' })
  }
})
export type EventRuleInput = z.infer<typeof eventRuleInputSchema>

const rulesSchema = z.array(eventRuleInputSchema).max(40, 'At most 40 rules').superRefine((rules, ctx) => {
  const seen = new Map<string, number>()
  rules.forEach((rule, index) => {
    const first = seen.get(rule.categoryCode)
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [index, 'categoryCode'], message: `Already has a rule (rule ${first + 1})` })
    else seen.set(rule.categoryCode, index)
  })
})

const eventFields = {
  title: z.string().trim().min(2, 'Enter a title').max(80, 'At most 80 characters'),
  titleEn: z.string().trim().min(2, 'Enter the English title').max(120, 'At most 120 characters'),
  description: z.string().trim().max(4000, 'At most 4000 characters'),
  descriptionEn: z.string().trim().max(4000, 'At most 4000 characters'),
  kind: eventKindSchema,
  startsAt: isoWithOffset,
  endsAt: isoWithOffset,
  budgetFen: z.number({ error: 'An amount in fen' }).int('A whole number of fen').min(0, 'Must not be negative').max(MAX_BUDGET_FEN, 'Too large'),
  rules: rulesSchema,
}

function periodValid(e: { startsAt?: string, endsAt?: string }): boolean {
  return e.startsAt === undefined || e.endsAt === undefined || Date.parse(e.endsAt) > Date.parse(e.startsAt)
}

export const eventCreateSchema = z.object({
  slug: slugSchema,
  ...eventFields,
  description: eventFields.description.default(''),
  descriptionEn: eventFields.descriptionEn.default(''),
  rules: eventFields.rules.default([]),
}).strict().refine(periodValid, { path: ['endsAt'], message: 'The end must be after the start' })
export type EventCreateInput = z.infer<typeof eventCreateSchema>

/**
 * A partial update. The slug is not here on purpose: it is in every link, poster and QR card already
 * printed. `rules`, when given, replace the whole set.
 */
export const eventPatchSchema = z.object({
  title: eventFields.title.optional(),
  titleEn: eventFields.titleEn.optional(),
  description: eventFields.description.optional(),
  descriptionEn: eventFields.descriptionEn.optional(),
  kind: eventFields.kind.optional(),
  startsAt: eventFields.startsAt.optional(),
  endsAt: eventFields.endsAt.optional(),
  budgetFen: eventFields.budgetFen.optional(),
  rules: eventFields.rules.optional(),
}).strict()
  .refine(periodValid, { path: ['endsAt'], message: 'The end must be after the start' })
  .refine(p => Object.keys(p).length > 0, {
    path: [],
    message: 'Nothing to change',
    // Only when the body is otherwise valid: an unknown field is reported as itself, not also as "nothing".
    when: payload => payload.issues.length === 0,
  })
export type EventPatchInput = z.infer<typeof eventPatchSchema>

export const releaseCreateSchema = z.object({
  categoryCode: categoryCodeSchema,
  opensAt: isoWithOffset,
  closesAt: isoWithOffset,
  quota: z.number({ error: 'A number' }).int('A whole number').min(1, 'At least 1').max(1_000_000, 'At most 1,000,000'),
}).strict().refine(r => Date.parse(r.closesAt) > Date.parse(r.opensAt), { path: ['closesAt'], message: 'The release must close after it opens' })
export type ReleaseCreateInput = z.infer<typeof releaseCreateSchema>

export const adminEventListQuerySchema = z.object({
  status: z.enum(EVENT_STATUSES).optional(),
  kind: eventKindSchema.optional(),
  ...paginationShape,
}).strict()
export type AdminEventListQuery = z.infer<typeof adminEventListQuerySchema>
