import { merchantListQuerySchema } from '#shared/schemas/public'
import { listPublicMerchants } from '~~/server/services/merchants'
import { definePublicApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'listing',
  query: merchantListQuerySchema,
  answer: async ({ query }) => listPublicMerchants(await useDb(), query),
})
