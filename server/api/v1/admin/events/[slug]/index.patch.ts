import { eventPatchSchema } from '#shared/schemas/admin-events'
import { slugParamsSchema } from '#shared/schemas/common'
import { updateEvent } from '~~/server/services/event-admin'
import { defineApiHandler, validBody, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireAdmin } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const actor = await requireAdmin(event)
  const { slug } = validParams(event, slugParamsSchema)
  const patch = await validBody(event, eventPatchSchema)
  return updateEvent(await useDb(), actor, slug, patch, new Date())
}, { changesPublicData: true })
