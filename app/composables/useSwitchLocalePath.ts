import { localizePath, type Locale } from '#shared/i18n'

/** This page in another language, with its query and hash. */
export function useSwitchLocalePath() {
  const route = useRoute()
  return (target: Locale): string => localizePath(route.fullPath, target)
}
