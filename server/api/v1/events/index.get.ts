import { eventListQuerySchema } from '#shared/schemas/public'
import { listPublicEvents } from '~~/server/services/events'
import { definePublicApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'live',
  query: eventListQuerySchema,
  answer: async ({ query }) => listPublicEvents(await useDb(), query, new Date()),
})
