import { getRequestIP, type H3Event } from 'h3'

/** The caller's address for throttling; X-Forwarded-For only when TRUST_PROXY=1 says a proxy sets it. */
export function clientAddress(event: H3Event): string {
  return getRequestIP(event, { xForwardedFor: process.env.TRUST_PROXY === '1' }) ?? 'unknown'
}
