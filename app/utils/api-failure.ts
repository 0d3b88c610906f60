import { ERROR_CODES, type ErrorCode } from '#shared/domain/errors'

// Exported under these names by useConsoleError, where the console's forms import them: exporting them here
// as well would give Nuxt's auto-imports two of each.
interface ApiIssue { path: string, message: string }

/** What a failed request said, in the contract's shape (API.md "Conventions"). */
interface ApiFailure {
  /** HTTP status; undefined when the request never got an answer (offline, timeout). */
  status?: number
  code?: ErrorCode
  /** The server's own sentence (English), used when there is no translation for the code. */
  message?: string
  issues: ApiIssue[]
}

interface FetchErrorLike {
  statusCode?: number
  status?: number
  data?: unknown
}

/** Reads the error body `{ statusCode, message, data: { code, issues? } }` of a failed request. */
export function failureOf(error: unknown): ApiFailure {
  if (!error || typeof error !== 'object') return { issues: [] }
  const e = error as FetchErrorLike
  // $fetch's FetchError and useAsyncData's NuxtError both keep the response body in `data`. The code is
  // `data.code` there; a bare `{ code }` body is read too, as the resident pages always have.
  const body = (e.data && typeof e.data === 'object' ? e.data : {}) as { message?: unknown, code?: unknown, data?: { code?: unknown, issues?: unknown } }
  const rawCode = body.data?.code ?? body.code
  const code = typeof rawCode === 'string' && (ERROR_CODES as readonly string[]).includes(rawCode) ? rawCode as ErrorCode : undefined
  const issues = Array.isArray(body.data?.issues)
    ? (body.data.issues as unknown[]).filter((i): i is ApiIssue => Boolean(i) && typeof (i as ApiIssue).message === 'string').map(i => ({ path: String(i.path ?? ''), message: i.message }))
    : []
  const status = e.statusCode ?? e.status
  return { status: status || undefined, code, message: typeof body.message === 'string' ? body.message : undefined, issues }
}
