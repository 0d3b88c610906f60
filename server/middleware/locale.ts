import { defineEventHandler, getCookie, getRequestHeader, sendRedirect } from 'h3'
import { LOCALE_COOKIE, preferredLocale } from '#shared/i18n'

/**
 * `/` in the visitor's language: one who chose English (the `lang` cookie) or whose browser asks for
 * English before Chinese is sent to `/en`. Only the root redirects; every other path says its language.
 */
export default defineEventHandler((event) => {
  if (event.method !== 'GET' && event.method !== 'HEAD') return
  const queryAt = event.path.indexOf('?')
  if ((queryAt === -1 ? event.path : event.path.slice(0, queryAt)) !== '/') return
  if (preferredLocale(getCookie(event, LOCALE_COOKIE), getRequestHeader(event, 'accept-language')) !== 'en') return
  return sendRedirect(event, queryAt === -1 ? '/en' : `/en${event.path.slice(queryAt)}`, 302)
})
