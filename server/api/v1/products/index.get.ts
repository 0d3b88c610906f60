import { productListQuerySchema } from '#shared/schemas/public'
import { listProducts } from '~~/server/services/catalogue'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default defineApiHandler(async (event) => {
  const query = validQuery(event, productListQuerySchema)
  return listProducts(await useDb(), query)
})
