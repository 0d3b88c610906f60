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
 * The fields whose value differs between two snapshots of a record, as the before → after of an audit entry;
 * null when nothing changed (nothing to record).
 */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>, after: Partial<T> } | null {
  const keys = (Object.keys(before) as Array<keyof T>).filter(k => before[k] !== after[k])
  if (keys.length === 0) return null
  return { before: Object.fromEntries(keys.map(k => [k, before[k]])) as Partial<T>, after: Object.fromEntries(keys.map(k => [k, after[k]])) as Partial<T> }
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
