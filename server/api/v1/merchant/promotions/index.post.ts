import { setResponseStatus } from 'h3'
import { promotionInputSchema } from '#shared/schemas/promotions'
import { createPromotion } from '~~/server/services/merchant-promotions'
import { defineApiHandler, validBody } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchant } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireMerchant(event)
  const input = await validBody(event, promotionInputSchema)
  const created = await createPromotion(await useDb(), caller, input, new Date())
  setResponseStatus(event, 201)
  return created
})
