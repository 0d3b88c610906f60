import { voucherCodeParamsSchema } from '#shared/schemas/vouchers'
import { lookupVoucher } from '~~/server/services/redemptions'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchant } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  // Any merchant with a profile may look a code up; the answer says why it cannot redeem (e.g. not approved).
  const caller = await requireMerchant(event)
  const { code } = validParams(event, voucherCodeParamsSchema)
  return lookupVoucher(await useDb(), caller, code, new Date())
})
