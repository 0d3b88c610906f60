import { ANOMALY_FLAGS } from '#shared/domain/anomaly'
import { z } from 'zod'
import { isVoucherCode, normaliseVoucherCode } from '../domain/vouchers'
import { categoryCodeSchema, paginationShape, slugSchema, uuidSchema } from './common'
import { OLD_ITEM_DISPOSALS, REDEMPTION_STATUSES } from '#shared/domain/redemption'

export const claimVoucherSchema = z.object({ categoryCode: categoryCodeSchema })
export type ClaimVoucherInput = z.infer<typeof claimVoucherSchema>

/** Typed at the counter: case, spaces and dashes do not matter. */
export const voucherCodeSchema = z.string().max(40).transform(normaliseVoucherCode)
  .refine(isVoucherCode, 'A qualification code has 8 letters and digits')

export const voucherCodeParamsSchema = z.object({ code: voucherCodeSchema })

export const enrolmentInputSchema = z.object({
  eventSlug: slugSchema,
  categories: z.array(categoryCodeSchema).min(1, 'Choose at least one category').max(30),
})
export type EnrolmentInput = z.infer<typeof enrolmentInputSchema>

const text = (max: number, what: string) => z.string().trim().min(1, `${what} is required`).max(max, `${what} is too long`)
  .refine(s => ![...s].some(c => c < ' ' || c === '<' || c === '>'), `${what} has characters that are not allowed`)

export const oldItemSchema = z.object({
  categoryCode: categoryCodeSchema,
  brand: text(50, 'Brand'),
  ageYears: z.number().int('Whole years').min(0).max(80),
  disposal: z.enum(OLD_ITEM_DISPOSALS),
})

export const redemptionInputSchema = z.object({
  voucherCode: voucherCodeSchema,
  productId: uuidSchema,
  priceFen: z.number({ error: 'Must be an amount in fen' }).int('Must be a whole number of fen').min(1, 'Must be more than 0').max(1_000_000_000, 'Too large'),
  serialNo: text(64, 'Serial number').refine(s => /[0-9A-Za-z]/.test(s), 'Serial number needs letters or digits'),
  invoiceNo: text(64, 'Invoice number'),
  oldItem: oldItemSchema.optional(),
})
export type RedemptionInput = z.infer<typeof redemptionInputSchema>

/** The Idempotency-Key header: 8–100 visible ASCII characters (a UUID is typical). */
export const idempotencyKeySchema = z.string({ error: 'The Idempotency-Key header is required' }).trim()
  .min(8, 'At least 8 characters').max(100, 'At most 100 characters').regex(/^[\x21-\x7E]+$/, 'Visible ASCII characters only')

export const reverseInputSchema = z.object({ reason: text(500, 'Reason') })

export const merchantRedemptionQuerySchema = z.object({ ...paginationShape })

export const adminRedemptionQuerySchema = z.object({
  ...paginationShape,
  status: z.enum(REDEMPTION_STATUSES).optional(),
  merchant: uuidSchema.optional(),
  flagged: z.enum(['true', 'false']).optional().transform(v => (v === undefined ? undefined : v === 'true')),
  /** Only redemptions carrying this anomaly flag. */
  flag: z.enum(ANOMALY_FLAGS).optional(),
})

export const statementQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Month as YYYY-MM'),
})
