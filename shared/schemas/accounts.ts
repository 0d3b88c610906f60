import { z } from 'zod'
import { isMainlandMobile, isValidResidentId, normalizeResidentId } from '#shared/domain/identity'
import { SIGN_UP_ROLES, STAFF_ROLES } from '#shared/domain/roles'

export const phoneSchema = z.string().trim().refine(isMainlandMobile, 'Enter a mainland mobile number (11 digits, starting with 1)')

/** OWASP: length over composition rules; 10 characters at least, and a ceiling that bounds hashing work. */
export const passwordSchema = z.string()
  .min(10, 'Use at least 10 characters')
  .max(128, 'Use at most 128 characters')

export const registerSchema = z.object({
  phone: phoneSchema,
  password: passwordSchema,
  role: z.enum(SIGN_UP_ROLES, { error: 'Only residents and merchants can sign up' }),
})
export type RegisterInput = z.infer<typeof registerSchema>

export const loginSchema = z.object({
  phone: z.string().trim().min(1, 'Enter your mobile number').max(20),
  password: z.string().min(1, 'Enter your password').max(128),
})
export type LoginInput = z.infer<typeof loginSchema>

export const staffSchema = z.object({
  phone: phoneSchema,
  password: passwordSchema,
  role: z.enum(STAFF_ROLES),
})
export type StaffInput = z.infer<typeof staffSchema>

/** Chinese names (with the middle dot of minority names) or Latin names. */
export const personNameSchema = z.string().trim()
  .min(1, 'Enter your name as on your ID card')
  .max(30, 'At most 30 characters')
  .regex(/^[\p{Script=Han}·•A-Za-z .'-]+$/u, 'Enter your name as on your ID card')

export const identitySchema = z.object({
  name: personNameSchema,
  idNumber: z.string().trim()
    .transform(normalizeResidentId)
    .refine(value => /^\d{17}[\dX]$/.test(value), 'An ID number has 18 characters: 17 digits and a digit or X')
    .refine(value => isValidResidentId(value), 'This ID number is not valid: please check every digit'),
  /** Which personal-information notice the resident agreed to (the form requires the agreement). */
  consentVersion: z.string().trim().max(20).optional(),
})
export type IdentityInput = z.infer<typeof identitySchema>
