import type { MaybeRefOrGetter } from 'vue'
import type { AsyncData, NuxtError } from '#app'
import { compactQuery, type QueryInput } from '~/utils/query'

type PublicFetch = <R>(url: string, options: { query: Record<string, string | number> }) => Promise<R>

/**
 * GET from the public API (/api/v1/...), rendered on the server and hydrated from its payload.
 * `name` makes the cache key unique on a page; the key also carries the path, so a detail page keyed by a
 * slug or id never shows the previous item, while a list keeps its current items until a new query answers.
 * Empty query values are dropped (the API rejects unknown or empty keys).
 */
export function usePublicApi<T>(
  name: string,
  path: MaybeRefOrGetter<string>,
  query?: MaybeRefOrGetter<QueryInput>,
  options: { lazy?: boolean, server?: boolean } = {},
): AsyncData<T | undefined, NuxtError | undefined> {
  // Nitro's typed $fetch infers the response from the route; these paths are built at run time, so the
  // caller names the DTO (shared/types/public) instead.
  const get = $fetch as PublicFetch
  // Rendering on the server: the answers are read in-process, from the same cache, without HTTP.
  const readPublic = import.meta.server ? useRequestEvent()?.context.readPublic : undefined
  const params = computed(() => compactQuery(toValue(query) ?? {}))
  const key = computed(() => `${name}:${toValue(path)}`)
  async function load(): Promise<T> {
    const read = readPublic ? await readPublic(toValue(path), params.value) : undefined
    return read ? read.value as T : get<T>(toValue(path), { query: params.value })
  }
  return useAsyncData<T, NuxtError>(
    key,
    load,
    { watch: [params], lazy: options.lazy, server: options.server, dedupe: 'cancel' },
  ) as AsyncData<T | undefined, NuxtError | undefined>
}
