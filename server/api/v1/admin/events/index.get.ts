import { adminEventListQuerySchema } from '#shared/schemas/admin-events'
import { listAdminEvents } from '~~/server/services/event-admin'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

// Reviewers read events too (they review redemptions against them); only administrators change them.
export default defineApiHandler(async (event) => {
  await requireStaff(event)
  const query = validQuery(event, adminEventListQuerySchema)
  return listAdminEvents(await useDb(), query, new Date())
})
