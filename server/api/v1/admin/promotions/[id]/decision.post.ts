import { idParamsSchema } from '#shared/schemas/common'
import { promotionDecisionSchema } from '#shared/schemas/promotions'
import { decidePromotion } from '~~/server/services/promotion-review'
import { defineApiHandler, validBody, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const actor = await requireStaff(event)
  const { id } = validParams(event, idParamsSchema)
  const decision = await validBody(event, promotionDecisionSchema)
  return decidePromotion(await useDb(), actor, id, decision, new Date())
}, { changesPublicData: true })
