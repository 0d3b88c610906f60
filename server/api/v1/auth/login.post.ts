import { loginSchema } from '#shared/schemas/accounts'
import { login } from '~~/server/services/accounts'
import { defineApiHandler, validBody } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { clientAddress } from '~~/server/utils/request'
import { startSession } from '~~/server/utils/session'

export default defineApiHandler(async (event) => {
  const input = await validBody(event, loginSchema)
  const user = await login(await useDb(), input, clientAddress(event), new Date())
  await startSession(event, user.id)
  return { user }
})
