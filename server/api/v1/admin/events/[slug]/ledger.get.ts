import { slugParamsSchema } from '#shared/schemas/common'
import { eventLedger } from '~~/server/services/event-ledger'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

/** The bureau's reconciliation of an event: running totals against a recount (reviewer or admin). */
export default defineApiHandler(async (event) => {
  await requireStaff(event)
  const { slug } = validParams(event, slugParamsSchema)
  return eventLedger(await useDb(), slug, new Date())
})
