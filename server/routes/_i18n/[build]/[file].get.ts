import { defineEventHandler, getRouterParam } from 'h3'
import { useRuntimeConfig } from 'nitropack/runtime'
import { isLocale } from '#shared/i18n'
import { MESSAGES } from '~~/i18n/messages'
import { publicCache, sendLookup } from '~~/server/cache/public-cache'
import { CACHE_POLICIES } from '~~/server/cache/response-cache'
import { apiError } from '~~/server/utils/errors'

/**
 * All messages of one language (`/_i18n/<build>/zh-CN.json`), which a browser loads once the page it
 * opened is idle. Named by the build, so it can be kept for a year; compressed once.
 */
export default defineEventHandler(async (event) => {
  const locale = getRouterParam(event, 'file')?.replace(/\.json$/, '')
  if (!isLocale(locale)) throw apiError('NOT_FOUND', 'No such language')
  const lookup = await publicCache().lookup(`i18n:${locale}`, CACHE_POLICIES.fixed, async () => ({
    status: 200,
    type: 'application/json; charset=utf-8',
    body: Buffer.from(JSON.stringify(MESSAGES[locale])),
    cacheable: true,
  }))
  const current = getRouterParam(event, 'build') === useRuntimeConfig().app.buildId
  sendLookup(event, lookup, { 'cache-control': current ? 'public, max-age=31536000, immutable' : 'public, no-cache' })
})
