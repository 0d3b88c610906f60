import { slugParamsSchema } from '#shared/schemas/common'
import { getPublicEvent } from '~~/server/services/events'
import { definePublicApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'live',
  params: slugParamsSchema,
  answer: async ({ params: { slug } }) => getPublicEvent(await useDb(), slug, new Date()),
})
