import { formatYuan } from '#shared/domain/money'
import { useCategories } from '~/composables/useCategories'
import { useDateFormat } from '~/composables/useDateFormat'
import { useI18n } from '~/composables/useI18n'

/** One audit log entry (server/services/audit-log.ts AuditEntryDto). */
export interface AuditEntry {
  id: number
  at: string
  actorUserId: string | null
  actorRole: string | null
  action: string
  entityType: string
  entityId: string
  before: unknown
  after: unknown
  reason: string | null
}

export interface AuditChange { field: string, label: string, before: string, after: string }

// Keys that say nothing a reader needs (the time is the entry's own).
const HIDDEN_KEYS = new Set(['updatedAt', 'submittedAt', 'approvedAt', 'id'])
const TIME_KEYS = new Set(['startsAt', 'endsAt', 'expiresAt', 'opensAt', 'closesAt', 'at'])

/** Where each kind of record names its statuses. */
function statusKey(entityType: string, status: string): string {
  switch (entityType) {
    case 'promotion': return `merchantConsole.promotionStatus.${status}`
    case 'voucher': return `vouchers.mine.status.${status}`
    case 'redemption': return `bureau.redemptionStatus.${status}`
    case 'event': return `bureau.eventStatus.${status}`
    default: return `merchantConsole.status.${status}`
  }
}

/**
 * The audit log in words: who (by role), what (the action), and before → after field by field, with
 * statuses and categories named the way the rest of the console names them.
 */
export function useAuditWords() {
  const { t, te } = useI18n()
  const { categoryName } = useCategories()
  const { date, time } = useDateFormat()

  function actionName(action: string): string {
    const key = `admin.audit.actions.${action.replace(/\./g, '_')}`
    return te(key) ? t(key) : action
  }

  function roleName(role: string | null): string {
    if (!role) return t('admin.audit.roles.system')
    const key = `admin.audit.roles.${role}`
    return te(key) ? t(key) : role
  }

  function entityName(type: string): string {
    const key = `admin.audit.entities.${type}`
    return te(key) ? t(key) : type
  }

  function fieldName(field: string): string {
    const key = `admin.audit.fields.${field}`
    return te(key) ? t(key) : field
  }

  function when(iso: string): string {
    return `${date(iso)} ${time(iso)}`
  }

  function valueText(field: string, value: unknown, entityType: string): string {
    if (value === null || value === undefined || value === '') return '—'
    if ((field === 'status' || field === 'voucherStatus') && typeof value === 'string') {
      const key = statusKey(field === 'voucherStatus' ? 'voucher' : entityType, value)
      return te(key) ? t(key) : value
    }
    if (field.endsWith('Fen') && typeof value === 'number') return formatYuan(value)
    if (field === 'flags' && Array.isArray(value)) {
      return value.map((f) => {
        const key = `bureau.flags.${String(f)}`
        return te(key) ? t(key) : String(f)
      }).join(t('merchantConsole.listSeparator'))
    }
    if (field === 'categoryCode' && typeof value === 'string') return categoryName(value)
    if (TIME_KEYS.has(field) && typeof value === 'string') return when(value)
    if (field === 'role' && typeof value === 'string') return roleName(value)
    if (field === 'street' && typeof value === 'string') {
      const key = `admin.streets.${value}`
      return te(key) ? t(key) : value
    }
    if (field === 'kind' && typeof value === 'string') {
      const key = `merchantConsole.promotionKind.${value}`
      return te(key) ? t(key) : value
    }
    if (field === 'categories' && Array.isArray(value)) return value.map(v => categoryName(String(v))).join(t('merchantConsole.listSeparator'))
    if (typeof value === 'boolean') return value ? t('admin.audit.yes') : t('admin.audit.no')
    if (Array.isArray(value)) return value.map(v => valueText(field, v, entityType)).join(t('merchantConsole.listSeparator'))
    if (typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !HIDDEN_KEYS.has(k))
        .map(([k, v]) => `${fieldName(k)}${t('admin.audit.colon')}${valueText(k, v, entityType)}`)
        .join(t('admin.audit.semicolon'))
    }
    return String(value)
  }

  /**
   * What the entry changed: the fields it recorded afterwards whose value differs from before (all of them
   * for a creation). `before` often holds more context than what changed, so only `after` decides which
   * fields are listed.
   */
  function changes(entry: Pick<AuditEntry, 'before' | 'after' | 'entityType'>): AuditChange[] {
    const before = (entry.before && typeof entry.before === 'object' ? entry.before : {}) as Record<string, unknown>
    const after = (entry.after && typeof entry.after === 'object' ? entry.after : {}) as Record<string, unknown>
    const keys = Object.keys(after).filter(k => !HIDDEN_KEYS.has(k))
    const out: AuditChange[] = []
    for (const key of keys) {
      if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue
      out.push({ field: key, label: fieldName(key), before: valueText(key, before[key], entry.entityType), after: valueText(key, after[key], entry.entityType) })
    }
    return out
  }

  return { actionName, roleName, entityName, fieldName, valueText, changes, when }
}
