import { identitySchema } from '#shared/schemas/accounts'
import { verifyIdentity } from '~~/server/services/identity'
import { defineApiHandler, validBody } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireResident } from '~~/server/utils/guards'
import { identityHashKey } from '~~/server/utils/identity-key'

export default defineApiHandler(async (event) => {
  const caller = await requireResident(event)
  const input = await validBody(event, identitySchema)
  return verifyIdentity(await useDb(), caller, input, identityHashKey(), new Date())
})
