import { hrefWith } from '~/utils/links'

/** A link to this page with another query (a filter, a tab, the next page): its path and `query`. */
export function useQueryHref() {
  const route = useRoute()
  return (query: Record<string, unknown>): string => hrefWith(route.path, query)
}
