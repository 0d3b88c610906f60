import { merchantRedemptionQuerySchema } from '#shared/schemas/vouchers'
import { listOwnRedemptions } from '~~/server/services/redemptions'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchant } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireMerchant(event)
  const query = validQuery(event, merchantRedemptionQuerySchema)
  return listOwnRedemptions(await useDb(), caller, query.page, query.pageSize)
})
