import { eventListQuerySchema } from '#shared/schemas/public'
import { listPublicEvents } from '~~/server/services/events'
import { definePublicApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'live',
  input: event => validQuery(event, eventListQuerySchema),
  answer: async query => listPublicEvents(await useDb(), query, new Date()),
})
