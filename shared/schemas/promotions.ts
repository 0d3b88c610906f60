import { z } from 'zod'
import { PROMOTION_KINDS, PROMOTION_STATUSES, promotionReasonRequired } from '#shared/domain/promotion-lifecycle'
import { categoryCodeSchema, paginationShape, slugSchema } from './common'

/** An ISO 8601 date-time that names its offset ("…Z" or "…+08:00"): a bare local time is ambiguous. */
const instantSchema = z.iso.datetime({ offset: true, error: 'Use a date and time with its offset, e.g. 2026-05-01T09:00:00+08:00' })
  .transform(value => new Date(value))

/** A merchant's promotion (API.md "Merchant"); which categories and period the event allows is checked by the service. */
export const promotionInputSchema = z.object({
  eventSlug: slugSchema,
  categories: z.array(categoryCodeSchema).min(1, 'Choose at least one category').max(24, 'At most 24 categories')
    .refine(list => new Set(list).size === list.length, 'Each category once'),
  title: z.string().trim().min(2, 'Write a title of at least 2 characters').max(40, 'At most 40 characters'),
  description: z.string().trim().max(500, 'At most 500 characters').default(''),
  kind: z.enum(PROMOTION_KINDS, { error: 'Choose what the promotion offers' }),
  startsAt: instantSchema,
  endsAt: instantSchema,
}).refine(p => p.endsAt.getTime() > p.startsAt.getTime(), {
  path: ['endsAt'],
  message: 'The end must be after the start',
  // zod runs object refinements after non-fatal issues too: compare only once both instants have parsed.
  when: ({ value }) => {
    const v = value as { startsAt?: unknown, endsAt?: unknown }
    return v.startsAt instanceof Date && v.endsAt instanceof Date
  },
})
export type PromotionInput = z.infer<typeof promotionInputSchema>

export const promotionDecisionSchema = z.object({
  action: z.enum(['approve', 'reject'], { error: 'Choose approve or reject' }),
  reason: z.string().trim().max(500, 'At most 500 characters').optional(),
}).refine(d => !promotionReasonRequired(d.action) || Boolean(d.reason), { path: ['reason'], message: 'A reason is required to reject' })
export type PromotionDecisionInput = z.infer<typeof promotionDecisionSchema>

export const adminPromotionQuerySchema = z.object({
  status: z.enum(PROMOTION_STATUSES).optional(),
  ...paginationShape,
}).strict()
export type AdminPromotionQuery = z.infer<typeof adminPromotionQuerySchema>
