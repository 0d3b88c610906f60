import { compactQuery, queryText } from '~/utils/query'

/**
 * Where an admin list stands, read from the address bar so it can be bookmarked and works without
 * JavaScript: the tab (a status filter under `key`; the first of `tabs` is the default and is left out of
 * the address) and the page. Changing the tab starts again at page 1 and keeps only the `keep` keys (a search).
 */
export function useAdminListQuery<T extends string>(options: {
  key: string
  tabs: readonly [T, ...T[]]
  pageSize: number
  keep?: readonly string[]
}) {
  const route = useRoute()
  const fallback = options.tabs[0]

  const tab = computed<T>(() => {
    const value = queryText(route.query[options.key])
    return value && (options.tabs as readonly string[]).includes(value) ? value as T : fallback
  })
  const page = computed(() => {
    const n = Number(queryText(route.query.page) ?? '1')
    return Number.isInteger(n) && n >= 1 ? n : 1
  })

  function tabQuery(value: string) {
    const kept = Object.fromEntries((options.keep ?? []).map(key => [key, queryText(route.query[key])]))
    return compactQuery({ [options.key]: value === fallback ? undefined : value, ...kept })
  }
  function pageQuery(p: number) {
    return { ...route.query, page: p > 1 ? String(p) : undefined }
  }
  function pageCount(total: number): number {
    return Math.max(1, Math.ceil(total / options.pageSize))
  }

  return { tab, page, tabQuery, pageQuery, pageCount }
}
