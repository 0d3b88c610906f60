import { localizePath } from '#shared/i18n'
import { useI18n } from '~/composables/useI18n'
import { hrefWith } from '~/utils/links'

type Target = string | { path: string, query?: Record<string, unknown>, hash?: string }

/** A link to a page in the page's own language: '/catalogue' → '/en/catalogue' on an English page. */
export function useLocalePath() {
  const { locale } = useI18n()
  return function localePath(to: Target): string {
    if (typeof to === 'string') return localizePath(to, locale.value)
    return `${hrefWith(localizePath(to.path, locale.value), to.query)}${to.hash ?? ''}`
  }
}
