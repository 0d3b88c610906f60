import { slugParamsSchema } from '#shared/schemas/common'
import { getPublicEvent } from '~~/server/services/events'
import { definePublicApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'live',
  input: event => validParams(event, slugParamsSchema),
  answer: async ({ slug }) => getPublicEvent(await useDb(), slug, new Date()),
})
