import { setResponseHeader } from 'h3'
import { listOwnPromotions } from '~~/server/services/merchant-promotions'
import { defineApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchant } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireMerchant(event)
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return listOwnPromotions(await useDb(), caller)
})
