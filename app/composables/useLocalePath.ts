import type { RouteLocationRaw } from 'vue-router'
import { localizePath } from '#shared/i18n'
import { useI18n } from '~/composables/useI18n'

type Target = string | { path: string, query?: Record<string, unknown>, hash?: string }

/** A link to a page in the page's own language: '/catalogue' → '/en/catalogue' on an English page. */
export function useLocalePath() {
  const { locale } = useI18n()
  function localePath(to: string): string
  function localePath(to: Exclude<Target, string>): RouteLocationRaw
  function localePath(to: Target): string | RouteLocationRaw {
    if (typeof to === 'string') return localizePath(to, locale.value)
    return { ...to, path: localizePath(to.path, locale.value) } as RouteLocationRaw
  }
  return localePath
}
