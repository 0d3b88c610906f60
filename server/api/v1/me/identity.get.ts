import { identityOf } from '~~/server/services/identity'
import { defineApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireResident } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireResident(event)
  return { identity: await identityOf(await useDb(), caller.userId) }
})
