import type { CategoryDto, EventKind } from '#shared/types/public'
import { usePublicApi } from '~/composables/usePublicApi'

/** Product categories from GET /api/v1/categories, with names in the current language. */
export function useCategories() {
  const { locale, t } = useI18n()
  const { data, status, error } = usePublicApi<{ items: CategoryDto[] }>('categories', '/api/v1/categories')

  const categories = computed<CategoryDto[]>(() => data.value?.items ?? [])
  const byCode = computed(() => new Map(categories.value.map(c => [c.code, c])))

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

  return { categories, byCode, categoryName, kindName, groupedByKind, status, error }
}
