import { failureOf } from '~/utils/api-failure'
import { useI18n } from '~/composables/useI18n'

/** What a failed request said, in the contract's shape (API.md "Conventions"). */
export type ApiFailure = ReturnType<typeof failureOf>
export type ApiIssue = ApiFailure['issues'][number]

// The shared zod schemas and services speak English; these patterns turn their sentences into keys of
// consoleErrors.field, so a form shows the same rule in the reader's language whether the browser or the
// server found the problem.
const FIELD_MESSAGES: Array<[RegExp, string]> = [
  [/^Enter a mainland mobile number/, 'mobile'],
  [/^Enter your mobile number$/, 'mobileRequired'],
  [/^Enter your password$/, 'passwordRequired'],
  [/^Use at least 10 characters$/, 'passwordShort'],
  [/^Use at most 128 characters$/, 'passwordLong'],
  [/^Only residents and merchants can sign up$/, 'role'],
  [/^Enter your name as on your ID card$/, 'personName'],
  [/^An ID number has 18 characters/, 'idLength'],
  [/^This ID number is not valid/, 'idCheck'],
  [/^Enter a mobile number or a landline/, 'storePhone'],
  [/^A unified social credit code has 18 characters$/, 'usccLength'],
  [/^This code is not valid/, 'usccCheck'],
  [/^This unified social credit code is already registered$/, 'usccTaken'],
  [/^Enter the business name$/, 'businessName'],
  [/^Enter the full shop address$/, 'address'],
  [/^Choose at least one category$/, 'categoriesRequired'],
  [/^Each category once$/, 'categoriesOnce'],
  [/^Unknown category/, 'categoryUnknown'],
  [/^Write opening hours like/, 'openingHours'],
  [/^Give both latitude and longitude/, 'latLng'],
  [/^A reason is required/, 'reasonRequired'],
  [/^Use a type such as merchant/, 'entity'],
  [/^Use a date and time with its offset/, 'dateTime'],
  [/^Not a valid date$/, 'dateTime'],
  [/^Write a title of at least 2 characters$/, 'titleShort'],
  [/^Choose what the promotion offers$/, 'promotionKind'],
  [/^The end must be after the start$/, 'endBeforeStart'],
  [/^The promotion cannot start before the event starts$/, 'startBeforeEvent'],
  [/^The promotion cannot end after the event ends$/, 'endAfterEvent'],
  [/^The end is already past$/, 'endPast'],
  [/^A free charging pile can only be offered in a car event$/, 'chargerNotCar'],
  [/^(\S+) is not one of your shop's approved categories$/, 'categoryNotOwn'],
  [/^(\S+) is not part of this event$/, 'categoryNotInEvent'],
  [/^Invalid option/, 'choose'],
  [/^Invalid input: expected number/, 'number'],
]

/**
 * Errors of the console pages in plain words: `consoleErrors.<CODE>` for the contract's codes, falling back
 * to the server's own message, and field messages (from the shared zod schemas or the server's `issues`)
 * in the current language.
 */
export function useConsoleError() {
  const { t, te } = useI18n()

  /** One sentence for the failure as a whole. */
  function messageFor(error: unknown): string {
    const failure = failureOf(error)
    if (failure.code && te(`consoleErrors.${failure.code}`)) return t(`consoleErrors.${failure.code}`)
    if (failure.status === undefined) return t('consoleErrors.NETWORK')
    if (failure.message) return failure.message
    return t('consoleErrors.generic')
  }

  /** A field message from a zod schema or a server issue, translated when we know it. */
  function fieldMessage(message: string): string {
    const atMost = /^At most (\d+) (characters|categories)$/.exec(message)
    if (atMost) return t(atMost[2] === 'categories' ? 'consoleErrors.field.atMostCategories' : 'consoleErrors.field.atMost', { n: atMost[1] })
    for (const [pattern, key] of FIELD_MESSAGES) {
      const match = pattern.exec(message)
      if (match) return t(`consoleErrors.field.${key}`, { code: match[1] ?? '' })
    }
    return message || t('consoleErrors.field.generic')
  }

  return { failureOf, messageFor, fieldMessage }
}
