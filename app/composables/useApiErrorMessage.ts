import { failureOf } from '~/utils/api-failure'
import { useI18n } from '~/composables/useI18n'

/** Turns an API error (or an error code) into a sentence in the current language. */
export function useApiErrorMessage() {
  const { t, te } = useI18n()

  function messageFor(error: unknown): string {
    const failure = typeof error === 'string' ? undefined : failureOf(error)
    const code = typeof error === 'string' ? error : failure?.code
    if (code && te(`errors.${code}`)) return t(`errors.${code}`)
    if (failure?.status === undefined) return t('errors.NETWORK')
    return t('errors.generic')
  }

  return { messageFor }
}
