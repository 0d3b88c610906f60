import { getHeader, setResponseStatus } from 'h3'
import { DomainError } from '#shared/domain/errors'
import { idempotencyKeySchema, redemptionInputSchema } from '#shared/schemas/vouchers'
import { redeem } from '~~/server/services/redemptions'
import { defineApiHandler, validBody } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchant } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  // Not requireApprovedMerchant: a retry of a sale made before a suspension still returns that sale; the
  // service refuses new ones with MERCHANT_NOT_APPROVED.
  const caller = await requireMerchant(event)
  const key = idempotencyKeySchema.safeParse(getHeader(event, 'idempotency-key'))
  if (!key.success) {
    throw new DomainError('VALIDATION_FAILED', 'A valid Idempotency-Key header is required', { issues: [{ path: 'Idempotency-Key', message: key.error.issues[0]?.message ?? 'Invalid' }] })
  }
  const input = await validBody(event, redemptionInputSchema)
  const result = await redeem(await useDb(), caller, key.data, input, new Date())
  setResponseStatus(event, result.created ? 201 : 200)
  return result.redemption
})
