import { useSession, type SessionRole } from '~/composables/useSession'
import { useLocalePath } from '~/composables/useLocalePath'

declare module '#app' {
  interface PageMeta {
    /** Roles that may open the page (any signed-in role when absent). The server checks again on every request. */
    roles?: SessionRole[]
  }
}

/**
 * Named route middleware for the account, merchant and bureau pages: signed out → the sign-in page, which
 * comes back here afterwards; signed in with another role → that role's own start page, which says why.
 * It only spares people a page they cannot use: every API route checks the role itself.
 */
export default defineNuxtRouteMiddleware(async (to) => {
  const session = useSession()
  const localePath = useLocalePath()
  const user = await session.load()
  if (!user) return navigateTo({ path: localePath('/login'), query: { next: to.fullPath } })
  const roles = to.meta.roles
  if (roles && roles.length > 0 && !roles.includes(user.role)) {
    return navigateTo({ path: localePath(session.homePath(user.role)), query: { notice: 'wrong-role' } })
  }
})
