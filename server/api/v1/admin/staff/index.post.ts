import { setResponseStatus } from 'h3'
import { staffSchema } from '#shared/schemas/accounts'
import { createStaff } from '~~/server/services/accounts'
import { defineApiHandler, validBody } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireAdmin } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const actor = await requireAdmin(event)
  const input = await validBody(event, staffSchema)
  const user = await createStaff(await useDb(), actor, input)
  setResponseStatus(event, 201)
  return { user }
})
