import streets from '#shared/reference/streets.json'
import type { Street } from '#shared/types/public'
import { useI18n } from '~/composables/useI18n'

interface Titled { title: string, titleEn: string }

/** Names that come in both languages: event titles from the API, street names from the reference data. */
export function useLocalizedNames() {
  const { locale } = useI18n()
  const isEn = computed(() => locale.value === 'en')

  function eventTitle(e: Titled): string {
    return isEn.value && e.titleEn ? e.titleEn : e.title
  }

  function streetName(code: Street | string): string {
    const s = streets.streets.find(x => x.code === code)
    if (!s) return code
    return isEn.value ? s.en : s.zh
  }

  /** 外海 for 外海街道: the short form residents say, for compact choices. */
  function streetShortName(code: Street | string): string {
    return isEn.value ? streetName(code) : streetName(code).replace(/街道$/, '')
  }

  const streetCodes = streets.streets.map(s => s.code as Street)

  return { eventTitle, streetName, streetShortName, streetCodes, isEn }
}
