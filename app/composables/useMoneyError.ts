import { useConsoleError } from '~/composables/useConsoleError'
import { useI18n } from '~/composables/useI18n'

/** A sentence for a failed claim / redemption / void: moneyErrors.<CODE> first, then the console's wording. */
export function useMoneyError() {
  const { t, te } = useI18n()
  const { failureOf, messageFor } = useConsoleError()

  function moneyMessage(error: unknown): string {
    const f = failureOf(error)
    if (f.code && te(`moneyErrors.${f.code}`)) return t(`moneyErrors.${f.code}`)
    return messageFor(error)
  }

  function codeMessage(code: string | undefined): string {
    if (code && te(`moneyErrors.${code}`)) return t(`moneyErrors.${code}`)
    return code ?? t('moneyErrors.generic')
  }

  return { moneyMessage, codeMessage, failureOf }
}
