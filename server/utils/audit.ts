import type { Executor } from '~~/server/db/client'
import { auditLog } from '~~/server/db/schema'
import type { Caller } from './guards'

export interface AuditEntry {
  actor: Pick<Caller, 'userId' | 'role'> | null
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
  reason?: string | null
}

/**
 * Writes one append-only audit entry (PRODUCT.md rule 9). Call it with the transaction that makes the
 * change, so the change and its record commit or fail together.
 */
export async function audit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: entry.actor?.userId ?? null,
    actorRole: entry.actor?.role ?? 'system',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  })
}
