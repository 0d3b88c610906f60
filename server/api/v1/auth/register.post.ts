import { setResponseStatus } from 'h3'
import { registerSchema } from '#shared/schemas/accounts'
import { register } from '~~/server/services/accounts'
import { defineApiHandler, validBody } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { startSession } from '~~/server/utils/session'

export default defineApiHandler(async (event) => {
  const input = await validBody(event, registerSchema)
  const user = await register(await useDb(), input)
  await startSession(event, user.id)
  setResponseStatus(event, 201)
  return { user }
})
