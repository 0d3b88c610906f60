import type { Ref } from 'vue'
import { compactQuery, type QueryInput } from '~/utils/query'
import { serverRead } from '~/utils/server-read'

/**
 * A public answer read while rendering on the server, for a part of a page that the browser never hydrates
 * (defineLazyHydrationComponent('never')): nothing goes into the payload and no fetching code is sent. In
 * the browser it stays undefined, which such a part never sees.
 */
export function useServerRead<T>(path: string, query?: QueryInput): { data: Ref<T | undefined>, failed: Ref<boolean> } {
  const data = shallowRef<T>()
  const failed = shallowRef(false)
  if (import.meta.server) {
    const event = useRequestEvent()
    onServerPrefetch(async () => {
      try {
        data.value = await serverRead<T>(event, path, compactQuery(query ?? {}))
      }
      catch {
        failed.value = true
      }
    })
  }
  return { data, failed }
}
