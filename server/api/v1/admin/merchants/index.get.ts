import { adminMerchantQuerySchema } from '#shared/schemas/merchants'
import { listMerchantsForReview } from '~~/server/services/merchant-review'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  await requireStaff(event)
  const query = validQuery(event, adminMerchantQuerySchema)
  return listMerchantsForReview(await useDb(), query)
})
