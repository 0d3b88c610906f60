import type { Translator } from '~/plugins/i18n'
import { IN_STATIC_PART } from '~/utils/static-part'

/**
 * The page's language and its messages (app/plugins/i18n.ts). Inside a part the browser never hydrates
 * (staticPart), the messages are looked up without being shipped with the page: its HTML already says them.
 */
export function useI18n(): Translator {
  const i18n = useNuxtApp().$i18n
  if (import.meta.server && getCurrentInstance() && inject(IN_STATIC_PART, false)) return i18n.unshipped
  return i18n
}
