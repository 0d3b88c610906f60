import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm'
import type { AuditQuery } from '#shared/schemas/merchants'
import type { Executor } from '~~/server/db/client'
import { auditLog } from '~~/server/db/schema'
import type { AuditEntryDto } from '#shared/types/bureau'

export function toAuditDto(row: typeof auditLog.$inferSelect): AuditEntryDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    reason: row.reason,
  }
}

/** The audit log, newest first, filtered by actor, entity ("merchant" or "merchant:<id>"), action and period. */
export async function listAudit(db: Executor, query: AuditQuery) {
  const conditions: (SQL | undefined)[] = []
  if (query.actor) conditions.push(eq(auditLog.actorUserId, query.actor))
  if (query.entity) {
    const [type, id] = query.entity.split(':')
    conditions.push(eq(auditLog.entityType, type!))
    if (id) conditions.push(eq(auditLog.entityId, id))
  }
  if (query.action) conditions.push(eq(auditLog.action, query.action))
  if (query.from) conditions.push(gte(auditLog.at, new Date(query.from)))
  if (query.to) conditions.push(lte(auditLog.at, new Date(query.to)))
  const where = and(...conditions)
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ])
  return { items: rows.map(toAuditDto), total: totalRow?.total ?? 0, page: query.page, pageSize: query.pageSize }
}
