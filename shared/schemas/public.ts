import { z } from 'zod'
import { PUBLIC_EVENT_STATUSES } from '#shared/domain/events'
import { PRODUCT_SORTS } from '#shared/domain/search'
import {
  categoryCodeSchema,
  eventKindSchema,
  fenQuerySchema,
  paginationShape,
  slugSchema,
  streetSchema,
  uuidSchema,
} from './common'

// Query strings of the public read side (API.md "Public"). Objects are strict: an unknown filter or
// sort key is a 400, never silently ignored and never used to index a table.

export const eventListQuerySchema = z.object({
  status: z.enum(PUBLIC_EVENT_STATUSES).optional(),
  kind: eventKindSchema.optional(),
  ...paginationShape,
}).strict()
export type EventListQuery = z.infer<typeof eventListQuerySchema>

export const productListQuerySchema = z.object({
  q: z.string().trim().max(60, 'At most 60 characters').optional(),
  category: categoryCodeSchema.optional(),
  brand: z.string().trim().min(1).max(40).optional(),
  grade: z.coerce.number({ error: 'Grade is 1 to 5' }).int().min(1, 'Grade is 1 to 5').max(5, 'Grade is 1 to 5').optional(),
  event: slugSchema.optional(),
  minPriceFen: fenQuerySchema.optional(),
  maxPriceFen: fenQuerySchema.optional(),
  sort: z.enum(PRODUCT_SORTS).default('relevance'),
  ...paginationShape,
}).strict().refine(
  q => q.minPriceFen === undefined || q.maxPriceFen === undefined || q.minPriceFen <= q.maxPriceFen,
  { path: ['maxPriceFen'], message: 'maxPriceFen must not be below minPriceFen' },
)
export type ProductListQuery = z.infer<typeof productListQuerySchema>

/** "22.56,113.15" → { lat, lng } */
export const latLngSchema = z.string().trim().transform((value, ctx) => {
  const match = /^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(value)
  const lat = match ? Number(match[1]) : Number.NaN
  const lng = match ? Number(match[2]) : Number.NaN
  if (!match || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    ctx.addIssue({ code: 'custom', message: 'Expected "latitude,longitude", e.g. 22.565,113.15' })
    return z.NEVER
  }
  return { lat, lng }
})

export const merchantListQuerySchema = z.object({
  q: z.string().trim().max(40, 'At most 40 characters').optional(),
  street: streetSchema.optional(),
  category: categoryCodeSchema.optional(),
  event: slugSchema.optional(),
  near: latLngSchema.optional(),
  ...paginationShape,
}).strict()
export type MerchantListQuery = z.infer<typeof merchantListQuerySchema>

export const promotionListQuerySchema = z.object({
  event: slugSchema.optional(),
  merchant: uuidSchema.optional(),
  category: categoryCodeSchema.optional(),
  ...paginationShape,
}).strict()
export type PromotionListQuery = z.infer<typeof promotionListQuerySchema>

export const GRADE_KEYS = ['1', '2', '3', '4', '5', 'none'] as const

/** Either a catalogue product, or (the calculator) a category and a grade. */
export const subsidyQuoteQuerySchema = z.object({
  event: slugSchema,
  product: uuidSchema.optional(),
  category: categoryCodeSchema.optional(),
  grade: z.enum(GRADE_KEYS).optional(),
  priceFen: fenQuerySchema,
}).strict().refine(
  q => q.product !== undefined || q.category !== undefined,
  { path: ['product'], message: 'Give a product, or a category (and grade)' },
)
export type SubsidyQuoteQuery = z.infer<typeof subsidyQuoteQuerySchema>
