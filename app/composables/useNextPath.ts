import { queryText } from '~/utils/query'

/**
 * Where to go after signing in or signing up: the `next` query parameter, but only a path on this site
 * (no "//evil.example"), so that the sign-in and sign-up pages cannot become an open redirect.
 */
export function useNextPath() {
  const route = useRoute()
  return computed(() => {
    const value = queryText(route.query.next)
    return value && /^\/(?![/\\])/.test(value) ? value : undefined
  })
}
