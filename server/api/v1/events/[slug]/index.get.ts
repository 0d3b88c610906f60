import { slugParamsSchema } from '#shared/schemas/common'
import { getPublicEvent } from '~~/server/services/events'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default defineApiHandler(async (event) => {
  const { slug } = validParams(event, slugParamsSchema)
  return getPublicEvent(await useDb(), slug, new Date())
})
