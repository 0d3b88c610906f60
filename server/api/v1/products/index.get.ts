import { productListQuerySchema } from '#shared/schemas/public'
import { listProducts } from '~~/server/services/catalogue'
import { definePublicApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'listing',
  query: productListQuerySchema,
  answer: async ({ query }) => listProducts(await useDb(), query),
})
