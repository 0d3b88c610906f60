import { idParamsSchema } from '#shared/schemas/common'
import { getProduct } from '~~/server/services/catalogue'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default defineApiHandler(async (event) => {
  const { id } = validParams(event, idParamsSchema)
  return getProduct(await useDb(), id, new Date())
})
