import { auditQuerySchema } from '#shared/schemas/merchants'
import { listAudit } from '~~/server/services/audit-log'
import { defineApiHandler, validQuery } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireStaff } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  await requireStaff(event)
  const query = validQuery(event, auditQuerySchema)
  return listAudit(await useDb(), query)
})
