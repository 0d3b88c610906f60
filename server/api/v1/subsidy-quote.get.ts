import { subsidyQuoteQuerySchema } from '#shared/schemas/public'
import { quote } from '~~/server/services/quotes'
import { definePublicApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'listing',
  query: subsidyQuoteQuerySchema,
  answer: async ({ query }) => quote(await useDb(), query),
})
