import { setResponseStatus } from 'h3'
import { releaseCreateSchema } from '#shared/schemas/admin-events'
import { slugParamsSchema } from '#shared/schemas/common'
import { addRelease } from '~~/server/services/event-admin'
import { defineApiHandler, validBody, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireAdmin } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const actor = await requireAdmin(event)
  const { slug } = validParams(event, slugParamsSchema)
  const input = await validBody(event, releaseCreateSchema)
  const release = await addRelease(await useDb(), actor, slug, input, new Date())
  setResponseStatus(event, 201)
  return release
}, { changesPublicData: true })
