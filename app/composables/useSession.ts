export type SessionRole = 'resident' | 'merchant' | 'reviewer' | 'admin'

/** GET /api/v1/me (API.md "Accounts"). */
export interface SessionUser {
  id: string
  role: SessionRole
  phoneMasked: string
  identityVerified: boolean
  merchantId?: string
}

const STAFF_ROLES: readonly SessionRole[] = ['reviewer', 'admin']

/**
 * Who is signed in, known on the server while rendering (the session cookie is HttpOnly, so the page asks
 * GET /api/v1/me with the request's cookie) and carried to the browser in the payload. Per request: useState,
 * never a module-level ref.
 */
export function useSession() {
  // undefined: not asked yet; null: signed out.
  const user = useState<SessionUser | null | undefined>('session-user', () => undefined)
  const requestFetch = useRequestFetch()
  const cookieHeader = import.meta.server ? useRequestHeaders(['cookie']).cookie ?? '' : ''

  async function load(force = false): Promise<SessionUser | null> {
    if (!force && user.value !== undefined) return user.value
    // Without a session cookie there is nobody to ask about (and no request to spend).
    if (import.meta.server && !/(?:^|;\s*)auth_session=/.test(cookieHeader)) {
      user.value = null
      return null
    }
    try {
      user.value = await requestFetch<SessionUser>('/api/v1/me', { headers: { 'cache-control': 'no-store' } })
    }
    catch {
      user.value = null
    }
    return user.value
  }

  /** Forget the signed-in user locally (the server answered 401: the session has ended). */
  function forget(): void {
    user.value = null
  }

  /** Ends the session and drops everything fetched with it, so the next person on this phone sees none of it. */
  async function signOut(): Promise<void> {
    try {
      await $fetch<unknown>('/api/v1/auth/logout', { method: 'POST' })
    }
    finally {
      user.value = null
      clearNuxtData()
    }
  }

  const isStaff = computed(() => Boolean(user.value && STAFF_ROLES.includes(user.value.role)))

  /** Where each role starts: the resident's account page, the merchant console, the bureau's review queue. */
  function homePath(role: SessionRole): string {
    if (role === 'merchant') return '/merchant'
    if (STAFF_ROLES.includes(role)) return '/admin/merchants'
    return '/me'
  }

  return { user, load, forget, signOut, isStaff, homePath }
}
