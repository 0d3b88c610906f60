import { merchantIdParamsSchema } from '#shared/schemas/merchants'
import { getMerchantForStaff } from '~~/server/services/merchant-review'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  await requireStaff(event)
  const { id } = validParams(event, merchantIdParamsSchema)
  return getMerchantForStaff(await useDb(), id)
})
