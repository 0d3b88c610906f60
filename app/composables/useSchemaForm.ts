import type { z } from 'zod'
import { useConsoleError, type ApiIssue } from '~/composables/useConsoleError'

/**
 * Inline validation with the same zod schema the server uses (STYLE.md "One schema, both sides"). A field
 * shows its message once it has been left (blur) or the form was sent; after that it is checked again on
 * every keystroke, so the message goes away as soon as the input is right. `eager` fields (check digits)
 * are also checked while typing once they are long enough to judge. The server's `issues` land on the same
 * fields.
 */
export function useSchemaForm(schema: z.ZodType, values: () => unknown, options: { eager?: Record<string, (value: unknown) => boolean> } = {}) {
  const { fieldMessage } = useConsoleError()
  const errors = ref<Record<string, string>>({})
  const touched = ref<Record<string, boolean>>({})

  function fieldOf(path: readonly PropertyKey[] | string): string {
    const first = typeof path === 'string' ? path.split('.')[0] : path[0]
    return first === undefined || first === '' ? '_form' : String(first)
  }

  /** The first message per top-level field for the current values. */
  function currentIssues(): Record<string, string> {
    const result = schema.safeParse(values())
    const out: Record<string, string> = {}
    if (result.success) return out
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path)
      out[field] ??= fieldMessage(issue.message)
    }
    return out
  }

  function setError(field: string, message: string | undefined): void {
    const rest = Object.fromEntries(Object.entries(errors.value).filter(([key]) => key !== field))
    errors.value = message ? { ...rest, [field]: message } : rest
  }

  /** On blur (and on change for checkboxes and selects). */
  function check(field: string): void {
    touched.value = { ...touched.value, [field]: true }
    setError(field, currentIssues()[field])
  }

  /** On input: only fields already judged, or eager ones that are long enough to judge. */
  function recheck(field: string): void {
    const eager = options.eager?.[field]
    const current = (values() as Record<string, unknown>)[field]
    if (touched.value[field] || errors.value[field] || (eager && eager(current))) setError(field, currentIssues()[field])
  }

  /** Before sending: every field judged; true when there is nothing to fix. */
  function checkAll(): boolean {
    const issues = currentIssues()
    errors.value = issues
    const all: Record<string, boolean> = { ...touched.value }
    for (const field of Object.keys(issues)) all[field] = true
    touched.value = all
    return Object.keys(issues).length === 0
  }

  /** The server's field issues (400), shown like our own. Returns the issues that belong to no field. */
  function applyIssues(issues: readonly ApiIssue[]): string[] {
    const next = { ...errors.value }
    const general: string[] = []
    for (const issue of issues) {
      const field = fieldOf(issue.path)
      if (field === '_form') general.push(fieldMessage(issue.message))
      else next[field] ??= fieldMessage(issue.message)
    }
    errors.value = next
    return general
  }

  /** Is this field valid right now (for a positive "check digit OK" hint)? */
  function isValid(field: string): boolean {
    return !(field in currentIssues())
  }

  function clear(): void {
    errors.value = {}
    touched.value = {}
  }

  return { errors, check, recheck, checkAll, applyIssues, isValid, clear }
}
