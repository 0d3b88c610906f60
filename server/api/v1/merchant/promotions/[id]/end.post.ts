import { idParamsSchema } from '#shared/schemas/common'
import { endPromotion } from '~~/server/services/merchant-promotions'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchant } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireMerchant(event)
  const { id } = validParams(event, idParamsSchema)
  return endPromotion(await useDb(), caller, id, new Date())
}, { changesPublicData: true })
