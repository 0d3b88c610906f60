import { setResponseStatus } from 'h3'
import { enrolmentInputSchema } from '#shared/schemas/vouchers'
import { enrol } from '~~/server/services/enrolments'
import { defineApiHandler, validBody } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireApprovedMerchant } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireApprovedMerchant(event)
  const input = await validBody(event, enrolmentInputSchema)
  const enrolment = await enrol(await useDb(), caller, input, new Date())
  setResponseStatus(event, 201)
  return enrolment
}, { changesPublicData: true })
