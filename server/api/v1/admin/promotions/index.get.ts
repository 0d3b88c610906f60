import { setResponseHeader } from 'h3'
import { adminPromotionQuerySchema } from '#shared/schemas/promotions'
import { listPromotionsForReview } from '~~/server/services/promotion-review'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  await requireStaff(event)
  const query = validQuery(event, adminPromotionQuerySchema)
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return listPromotionsForReview(await useDb(), query)
})
