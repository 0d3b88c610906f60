import { merchantListQuerySchema } from '#shared/schemas/public'
import { listPublicMerchants } from '~~/server/services/merchants'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default defineApiHandler(async (event) => {
  const query = validQuery(event, merchantListQuerySchema)
  return listPublicMerchants(await useDb(), query)
})
