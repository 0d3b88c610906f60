import { setResponseHeader } from 'h3'
import { me } from '~~/server/services/accounts'
import { defineApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireUser } from '~~/server/utils/guards'

// Any signed-in role may ask who it is (API.md: 401 without a session).
export default defineApiHandler(async (event) => {
  const caller = await requireUser(event)
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return me(await useDb(), caller)
})
