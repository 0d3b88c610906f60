import { listMyVouchers } from '~~/server/services/vouchers'
import { defineApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireResident } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireResident(event)
  return listMyVouchers(await useDb(), caller, new Date())
})
