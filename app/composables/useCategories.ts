import { CATEGORIES } from '#shared/domain/categories'
import type { CategoryDto, EventKind } from '#shared/types/public'
import { useI18n } from '~/composables/useI18n'

const BY_CODE = new Map(CATEGORIES.map(c => [c.code, c]))

/**
 * Product categories with names in the current language. They are reference facts (the same list
 * GET /api/v1/categories answers), so no page waits for them or carries them in its payload.
 */
export function useCategories() {
  const { locale, t } = useI18n()
  const categories = computed<readonly CategoryDto[]>(() => CATEGORIES)
  const byCode = computed(() => BY_CODE)

  function categoryName(code: string): string {
    const c = byCode.value.get(code)
    if (!c) return code
    return locale.value === 'en' ? c.nameEn : c.nameZh
  }

  function kindName(kind: EventKind): string {
    return t(`kinds.${kind}`)
  }

  /** Categories grouped by kind, in the API's order. */
  const groupedByKind = computed(() => {
    const groups = new Map<EventKind, CategoryDto[]>()
    for (const c of categories.value) groups.set(c.kind, [...(groups.get(c.kind) ?? []), c])
    return [...groups.entries()].map(([kind, items]) => ({ kind, items }))
  })

  return { categories, byCode, categoryName, kindName, groupedByKind }
}
