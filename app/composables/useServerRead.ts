import type { Ref } from 'vue'
import { compactQuery, type QueryInput } from '~/utils/query'
import { serverRead } from '~/utils/server-read'

/**
 * A public answer for a part of a page that the browser never hydrates (defineLazyHydrationComponent('never')):
 * read in-process while the page is rendered on the server, so nothing goes into the payload and no fetching
 * code is sent with the page. Such a part is drawn in the browser only when the visitor comes to its page
 * from another one inside the app; then it asks the API, and the navigation waits for the answer.
 */
export async function useServerRead<T>(path: string, query?: QueryInput): Promise<{ data: Ref<T | undefined>, failed: Ref<boolean> }> {
  const data = shallowRef<T>()
  const failed = shallowRef(false)
  const params = compactQuery(query ?? {})
  const event = import.meta.server ? useRequestEvent() : undefined
  try {
    data.value = import.meta.server ? await serverRead<T>(event, path, params) : (await $fetch(path, { query: params })) as T
  }
  catch {
    failed.value = true
  }
  return { data, failed }
}
