import { productRetireSchema } from '#shared/domain/catalogue-csv'
import { idParamsSchema } from '#shared/schemas/common'
import { retireProduct } from '~~/server/services/catalogue-admin'
import { defineApiHandler, validBody, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireAdmin } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const actor = await requireAdmin(event)
  const { id } = validParams(event, idParamsSchema)
  const input = await validBody(event, productRetireSchema)
  return retireProduct(await useDb(), actor, id, input, new Date())
}, { changesPublicData: true })
