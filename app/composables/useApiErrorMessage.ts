import { ERROR_CODES, type ErrorCode } from '#shared/domain/errors'

interface ErrorLike {
  statusCode?: number
  data?: unknown
}

/** The contract's error code of a failed request (`data.code`), if it has one. */
function errorCodeOf(error: unknown): ErrorCode | undefined {
  if (!error || typeof error !== 'object') return undefined
  const e = error as ErrorLike
  // useAsyncData wraps the FetchError: the response body { statusCode, message, data: { code } } is in `data`.
  const body = e.data as { data?: { code?: unknown }, code?: unknown } | undefined
  const code = body?.data?.code ?? body?.code
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : undefined
}

/** Turns an API error (or an error code) into a sentence in the current language. */
export function useApiErrorMessage() {
  const { t, te } = useI18n()

  function messageFor(error: unknown): string {
    const code = typeof error === 'string' ? error : errorCodeOf(error)
    if (code && te(`errors.${code}`)) return t(`errors.${code}`)
    const status = error && typeof error === 'object' ? (error as ErrorLike).statusCode : undefined
    if (status === undefined || status === 0) return t('errors.NETWORK')
    return t('errors.generic')
  }

  return { messageFor }
}
