import { slugParamsSchema } from '#shared/schemas/common'
import { publishEvent } from '~~/server/services/event-admin'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireAdmin } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const actor = await requireAdmin(event)
  const { slug } = validParams(event, slugParamsSchema)
  return publishEvent(await useDb(), actor, slug, new Date())
}, { changesPublicData: true })
