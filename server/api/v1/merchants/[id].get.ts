import { idParamsSchema } from '#shared/schemas/common'
import { getPublicMerchant } from '~~/server/services/merchants'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default defineApiHandler(async (event) => {
  const { id } = validParams(event, idParamsSchema)
  return getPublicMerchant(await useDb(), id, new Date())
})
