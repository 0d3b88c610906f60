import { idParamsSchema } from '#shared/schemas/common'
import { cancelVoucher } from '~~/server/services/vouchers'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireResident } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireResident(event)
  const { id } = validParams(event, idParamsSchema)
  return cancelVoucher(await useDb(), caller, id, new Date())
})
