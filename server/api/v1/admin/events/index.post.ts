import { setResponseStatus } from 'h3'
import { eventCreateSchema } from '#shared/schemas/admin-events'
import { createEvent } from '~~/server/services/event-admin'
import { defineApiHandler, validBody } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireAdmin } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const actor = await requireAdmin(event)
  const input = await validBody(event, eventCreateSchema)
  const created = await createEvent(await useDb(), actor, input, new Date())
  setResponseStatus(event, 201)
  return created
}, { changesPublicData: true })
