import { eventListQuerySchema } from '#shared/schemas/public'
import { listPublicEvents } from '~~/server/services/events'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default defineApiHandler(async (event) => {
  const query = validQuery(event, eventListQuerySchema)
  return listPublicEvents(await useDb(), query, new Date())
})
