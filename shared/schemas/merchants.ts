import { z } from 'zod'
import { isMainlandMobile, isValidUscc, normalizeUscc } from '#shared/domain/identity'
import { MERCHANT_STATUSES, STAFF_MERCHANT_ACTIONS, reasonRequired } from '#shared/domain/merchant-lifecycle'
import { personNameSchema, phoneSchema } from './accounts'
import { categoryCodeSchema, paginationShape, streetSchema, uuidSchema } from './common'

const HOURS = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d(,\s*([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d)*$/

/** A shop's phone: a mobile, or a landline with its area code (Jiangmen is 0750). */
export const storePhoneSchema = z.string().trim()
  .refine(v => isMainlandMobile(v) || /^0\d{2,3}-?\d{7,8}$/.test(v), 'Enter a mobile number or a landline such as 0750-3123456')

export const usccSchema = z.string().trim()
  .transform(normalizeUscc)
  .refine(v => v.length === 18, 'A unified social credit code has 18 characters')
  .refine(v => isValidUscc(v), 'This code is not valid: please check every character (its last character is a check character)')

export const merchantProfileSchema = z.object({
  name: z.string().trim().min(2, 'Enter the business name').max(60, 'At most 60 characters'),
  uscc: usccSchema,
  legalRep: personNameSchema,
  contactPhone: phoneSchema,
  storePhone: storePhoneSchema,
  address: z.string().trim().min(5, 'Enter the full shop address').max(120, 'At most 120 characters'),
  street: streetSchema,
  categories: z.array(categoryCodeSchema).min(1, 'Choose at least one category').max(24)
    .refine(list => new Set(list).size === list.length, 'Each category once'),
  openingHours: z.string().trim().regex(HOURS, 'Write opening hours like 09:00-21:00'),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
}).refine(p => (p.lat == null) === (p.lng == null), { path: ['lng'], message: 'Give both latitude and longitude, or neither' })
export type MerchantProfileInput = z.infer<typeof merchantProfileSchema>

export const merchantDecisionSchema = z.object({
  action: z.enum(STAFF_MERCHANT_ACTIONS),
  reason: z.string().trim().max(500, 'At most 500 characters').optional(),
}).refine(d => !reasonRequired(d.action) || Boolean(d.reason), { path: ['reason'], message: 'A reason is required' })
export type MerchantDecisionInput = z.infer<typeof merchantDecisionSchema>

export const adminMerchantQuerySchema = z.object({
  /** A lifecycle status, or pending_change: approved merchants whose legal change awaits review. */
  status: z.enum([...MERCHANT_STATUSES, 'pending_change']).optional(),
  q: z.string().trim().max(40).optional(),
  ...paginationShape,
}).strict()
export type AdminMerchantQuery = z.infer<typeof adminMerchantQuerySchema>

export const auditQuerySchema = z.object({
  actor: z.string().trim().max(64).optional(),
  /** "merchant" or "merchant:<id>" */
  entity: z.string().trim().max(100).regex(/^[a-z_]+(:[\w-]+)?$/, 'Use a type such as merchant, or merchant:<id>').optional(),
  action: z.string().trim().max(60).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ...paginationShape,
}).strict()
export type AuditQuery = z.infer<typeof auditQuerySchema>

export const merchantIdParamsSchema = z.object({ id: uuidSchema })
