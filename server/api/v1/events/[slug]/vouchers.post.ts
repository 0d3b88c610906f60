import { setResponseStatus } from 'h3'
import { slugParamsSchema } from '#shared/schemas/common'
import { claimVoucherSchema } from '#shared/schemas/vouchers'
import { claimVoucher } from '~~/server/services/vouchers'
import { defineApiHandler, validBody, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireResident } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireResident(event)
  const { slug } = validParams(event, slugParamsSchema)
  const input = await validBody(event, claimVoucherSchema)
  const voucher = await claimVoucher(await useDb(), caller, slug, input, new Date())
  setResponseStatus(event, 201)
  return voucher
})
