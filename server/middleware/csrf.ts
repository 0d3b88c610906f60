import { defineEventHandler, getRequestHeader, getRequestURL } from 'h3'
import { apiError } from '~~/server/utils/errors'
import { hasSessionCookie } from '~~/server/utils/session'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function sameOrigin(value: string | undefined, origin: string): boolean {
  if (!value) return false
  try {
    return new URL(value).origin === origin
  }
  catch {
    return false
  }
}

/**
 * CSRF (API.md "Sessions"): a state-changing request that carries a session must come from this site,
 * shown by its Origin header, or its Referer when a browser leaves Origin out.
 */
export default defineEventHandler((event) => {
  if (SAFE_METHODS.has(event.method) || !event.path.startsWith('/api/')) return
  const origin = getRequestURL(event, { xForwardedHost: true, xForwardedProto: true }).origin
  const claimed = getRequestHeader(event, 'origin')
  // A browser that names another site is refused even without a session (no login CSRF either).
  if (claimed && !sameOrigin(claimed, origin)) throw apiError('FORBIDDEN', 'This request did not come from this site')
  if (!hasSessionCookie(event)) return
  const ok = claimed ? true : sameOrigin(getRequestHeader(event, 'referer'), origin)
  if (!ok) throw apiError('FORBIDDEN', 'This request did not come from this site')
})
