import { promotionListQuerySchema } from '#shared/schemas/public'
import { listPromotions } from '~~/server/services/promotions'
import { definePublicApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'listing',
  input: event => validQuery(event, promotionListQuerySchema),
  answer: async query => listPromotions(await useDb(), query, new Date()),
})
