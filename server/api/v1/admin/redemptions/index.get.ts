import { adminRedemptionQuerySchema } from '#shared/schemas/vouchers'
import { listAllRedemptions } from '~~/server/services/redemptions'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  await requireStaff(event)
  const query = validQuery(event, adminRedemptionQuerySchema)
  return listAllRedemptions(await useDb(), query)
})
