import { slugParamsSchema } from '#shared/schemas/common'
import { getAdminEvent } from '~~/server/services/event-admin'
import { defineApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  await requireStaff(event)
  const { slug } = validParams(event, slugParamsSchema)
  return getAdminEvent(await useDb(), slug, new Date())
})
