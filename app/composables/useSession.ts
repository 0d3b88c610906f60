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

/** The request for /api/v1/me in flight, per app instance (one per request on the server, one in the browser). */
const asking = new WeakMap<object, Promise<SessionUser | null>>()

/** Set by the server beside the (HttpOnly) session cookie: someone may be signed in on this browser. */
function sessionHinted(): boolean {
  return import.meta.client && /(?:^|;\s*)signed_in=1(?:;|$)/.test(document.cookie)
}

/**
 * Who is signed in. Account, merchant and bureau pages are rendered per request and ask GET /api/v1/me on
 * the server with the request's cookie; the public pages come from a cache shared by everyone and were
 * rendered for nobody, so there the browser asks once the page has loaded — only when the session hint
 * cookie says someone may be signed in. Per request: useState, never a module-level ref.
 */
export function useSession() {
  // undefined: not asked yet; null: signed out.
  const user = useState<SessionUser | null | undefined>('session-user', () => undefined)
  // Whether this browser has asked for itself; never set on the server.
  const askedHere = useState<boolean>('session-asked-here', () => false)
  const nuxtApp = useNuxtApp()
  const requestFetch = useRequestFetch()
  const cookieHeader = import.meta.server ? useRequestHeaders(['cookie']).cookie ?? '' : ''

  async function ask(): Promise<SessionUser | null> {
    try {
      user.value = await requestFetch<SessionUser>('/api/v1/me', { headers: { 'cache-control': 'no-store' } })
    }
    catch {
      user.value = null
    }
    return user.value
  }

  /** Who is signed in; concurrent callers (header, tab bar, a route guard) share one request. */
  async function load(force = false): Promise<SessionUser | null> {
    const running = asking.get(nuxtApp)
    if (running) return running
    if (import.meta.client && !askedHere.value) {
      askedHere.value = true
      // The page may come from the shared cache: "signed out" in its payload means "rendered for nobody".
      if (user.value === null || user.value === undefined) {
        if (!sessionHinted()) {
          user.value = null
          return null
        }
        force = true
      }
    }
    if (!force && user.value !== undefined) return user.value
    // Without a session cookie there is nobody to ask about (and no request to spend).
    if (import.meta.server && !/(?:^|;\s*)auth_session=/.test(cookieHeader)) {
      user.value = null
      return null
    }
    const pending = ask().finally(() => asking.delete(nuxtApp))
    asking.set(nuxtApp, pending)
    return pending
  }

  /** Forget the signed-in user locally (the server answered 401: the session has ended). */
  function forget(): void {
    user.value = null
  }

  const isStaff = computed(() => Boolean(user.value && STAFF_ROLES.includes(user.value.role)))

  /** Where each role starts: the resident's account page, the merchant console, the bureau's review queue. */
  function homePath(role: SessionRole): string {
    if (role === 'merchant') return '/merchant'
    if (STAFF_ROLES.includes(role)) return '/admin/merchants'
    return '/me'
  }

  return { user, load, forget, isStaff, homePath }
}
