import { statementQuerySchema } from '#shared/schemas/vouchers'
import { monthlyStatement } from '~~/server/services/statements'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchant } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireMerchant(event)
  const { month } = validQuery(event, statementQuerySchema)
  return monthlyStatement(await useDb(), caller, month)
})
