import { promotionListQuerySchema } from '#shared/schemas/public'
import { listPromotions } from '~~/server/services/promotions'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default defineApiHandler(async (event) => {
  const query = validQuery(event, promotionListQuerySchema)
  return listPromotions(await useDb(), query, new Date())
})
