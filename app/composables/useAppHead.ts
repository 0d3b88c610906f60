import { usePreferencesStore } from '~/stores/preferences'

/**
 * Document-level head for every page, the error page included: the language, the `elder` class read from
 * the cookie while rendering on the server (so large text never flashes small), hreflang links and the
 * site name in titles.
 */
export function useAppHead(): void {
  const { t } = useI18n()
  const preferences = usePreferencesStore()
  const localeHead = useLocaleHead({ seo: true })

  useHead({
    htmlAttrs: {
      lang: () => localeHead.value.htmlAttrs.lang,
      class: () => (preferences.elder ? 'elder' : ''),
    },
    titleTemplate: title => (title ? `${title} · ${t('site.shortName')}` : t('site.name')),
    link: () => localeHead.value.link,
    meta: () => localeHead.value.meta,
  })

  useSeoMeta({
    ogSiteName: () => t('site.name'),
    twitterCard: 'summary',
  })
}
