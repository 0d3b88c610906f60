import { idParamsSchema } from '#shared/schemas/common'
import { voidRedemption } from '~~/server/services/redemptions'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchant } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireMerchant(event)
  const { id } = validParams(event, idParamsSchema)
  return voidRedemption(await useDb(), caller, id, new Date())
})
