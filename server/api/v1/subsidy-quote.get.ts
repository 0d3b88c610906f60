import { subsidyQuoteQuerySchema } from '#shared/schemas/public'
import { quote } from '~~/server/services/quotes'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default defineApiHandler(async (event) => {
  const query = validQuery(event, subsidyQuoteQuerySchema)
  return quote(await useDb(), query)
})
