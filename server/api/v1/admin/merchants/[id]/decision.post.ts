import { merchantDecisionSchema, merchantIdParamsSchema } from '#shared/schemas/merchants'
import { decideMerchant } from '~~/server/services/merchant-review'
import { defineApiHandler, validBody, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const actor = await requireStaff(event)
  const { id } = validParams(event, merchantIdParamsSchema)
  const decision = await validBody(event, merchantDecisionSchema)
  return decideMerchant(await useDb(), actor, id, decision, new Date())
}, { changesPublicData: true })
