import { promotionListQuerySchema } from '#shared/schemas/public'
import { listPromotions } from '~~/server/services/promotions'
import { definePublicApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'listing',
  query: promotionListQuerySchema,
  answer: async ({ query }) => listPromotions(await useDb(), query, new Date()),
})
