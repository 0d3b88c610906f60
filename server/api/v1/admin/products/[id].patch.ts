import { productPatchSchema } from '#shared/domain/catalogue-csv'
import { idParamsSchema } from '#shared/schemas/common'
import { updateProduct } from '~~/server/services/catalogue-admin'
import { defineApiHandler, validBody, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireAdmin } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const actor = await requireAdmin(event)
  const { id } = validParams(event, idParamsSchema)
  const patch = await validBody(event, productPatchSchema)
  return updateProduct(await useDb(), actor, id, patch)
}, { changesPublicData: true })
