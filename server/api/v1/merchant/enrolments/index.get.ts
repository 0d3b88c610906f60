import { listEnrolments } from '~~/server/services/enrolments'
import { defineApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchant } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireMerchant(event)
  return listEnrolments(await useDb(), caller)
})
