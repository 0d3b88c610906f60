import { LOCALES, localizePath, stripLocale } from '#shared/i18n'
import { useI18n } from '~/composables/useI18n'
import { usePreferences } from '~/composables/usePreferences'

/**
 * Document-level head for every page, the error page included: the language, the `elder` class read from
 * the cookie while rendering on the server (so large text never flashes small), the same page's address in
 * each language (hreflang) and the site name in titles.
 */
export function useAppHead(): void {
  const { t, locale } = useI18n()
  const { elder } = usePreferences()
  const route = useRoute()
  const base = useRuntimeConfig().public.baseUrl.replace(/\/$/, '')

  const alternates = computed(() => {
    const path = stripLocale(route.path)
    return [
      ...LOCALES.map(code => ({ rel: 'alternate', hreflang: code, href: `${base}${localizePath(path, code)}` })),
      { rel: 'alternate', hreflang: 'x-default', href: `${base}${path}` },
      { rel: 'canonical', href: `${base}${localizePath(path, locale.value)}` },
    ]
  })

  useHead({
    htmlAttrs: {
      lang: () => locale.value,
      class: () => (elder.value ? 'elder' : ''),
    },
    titleTemplate: title => (title ? `${title} · ${t('site.shortName')}` : t('site.name')),
    link: () => alternates.value,
  })

  useSeoMeta({
    ogSiteName: () => t('site.name'),
    ogLocale: () => (locale.value === 'en' ? 'en' : 'zh_CN'),
    twitterCard: 'summary',
  })
}
