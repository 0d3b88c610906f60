import type { I18n } from '~/plugins/i18n'

/** The page's language and its messages (app/plugins/i18n.ts). */
export function useI18n(): I18n {
  return useNuxtApp().$i18n
}
