import { listStaff } from '~~/server/services/accounts'
import { defineApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireAdmin } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return { items: await listStaff(await useDb()) }
})
