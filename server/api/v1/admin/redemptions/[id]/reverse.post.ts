import { idParamsSchema } from '#shared/schemas/common'
import { reverseInputSchema } from '#shared/schemas/vouchers'
import { reverseRedemption } from '~~/server/services/redemptions'
import { defineApiHandler, validBody, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireStaff(event)
  const { id } = validParams(event, idParamsSchema)
  const { reason } = await validBody(event, reverseInputSchema)
  return reverseRedemption(await useDb(), caller, id, reason, new Date())
})
