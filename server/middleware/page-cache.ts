import { randomBytes } from 'node:crypto'
import { defineEventHandler, getCookie, getRequestHeader, setResponseHeader } from 'h3'
import { useNitroApp } from 'nitropack/runtime'
import { cacheSettings, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, publicCache, sendLookup } from '~~/server/cache/public-cache'
import { publicPageOf } from '~~/server/cache/public-pages'
import { CACHE_POLICIES } from '~~/server/cache/response-cache'

/** Marks this process's own render requests, which must reach the renderer (a visitor cannot know it). */
const RENDER_TOKEN = randomBytes(16).toString('hex')
const RENDER_HEADER = 'x-page-cache-render'

const settings = cacheSettings()

/**
 * The page cache: the public pages (home, events, catalogue, merchants, safe-use; Chinese and English) are
 * rendered once per page, query, language and 长辈模式, as an anonymous visitor — the render request carries
 * no session and no cookie but the elder-mode preference — and served to everyone from the shared cache
 * (server/cache). A cached page never sets a cookie. Every other page is rendered per request.
 */
export default defineEventHandler(async (event) => {
  if (!settings.pageCache || (event.method !== 'GET' && event.method !== 'HEAD')) return
  if (getRequestHeader(event, RENDER_HEADER) === RENDER_TOKEN) return
  const page = publicPageOf(event.path)
  if (!page) {
    // Account, console and bureau pages are rendered with the visitor's session: nobody may keep them.
    if (!event.path.startsWith('/api/') && !event.path.startsWith('/_')) setResponseHeader(event, 'cache-control', PRIVATE_CACHE_CONTROL)
    return
  }
  const elder = getCookie(event, 'elder') === '1'
  const nitroApp = useNitroApp()
  const lookup = await publicCache().lookup(`page:${elder ? 'elder' : 'plain'}:${page.url}`, CACHE_POLICIES[page.policy], async () => {
    const res = await nitroApp.localFetch(page.url, {
      headers: { [RENDER_HEADER]: RENDER_TOKEN, accept: 'text/html', ...(elder ? { cookie: 'elder=1' } : {}) },
    })
    const body = Buffer.from(await res.arrayBuffer())
    const type = res.headers.get('content-type') ?? 'text/html;charset=utf-8'
    return { status: res.status, type, body, cacheable: res.status === 200 && type.startsWith('text/html') }
  })
  // A redirect is left to the renderer, which sends it with its headers.
  if (lookup.state === 'pass' && lookup.produced.status >= 300 && lookup.produced.status < 400) return
  sendLookup(event, lookup, { 'cache-control': PUBLIC_CACHE_CONTROL, 'vary': 'Cookie' })
})
