import { defineNitroPlugin } from 'nitropack/runtime'
import { readPublic } from '~~/server/cache/public-reads'
import { toHttpError } from '~~/server/utils/errors'

declare module 'h3' {
  interface H3EventContext {
    /** For the pages rendered by this server: the public API's answers without an HTTP round trip. */
    readPublic?: (path: string, query?: Record<string, unknown>) => Promise<{ value: unknown } | undefined>
  }
}

/** Gives every request the in-process reader of public answers (server/cache/public-reads.ts). */
export default defineNitroPlugin((nitroApp) => {
  const read = async (path: string, query?: Record<string, unknown>) => {
    try {
      return await readPublic(path, query)
    }
    catch (error) {
      // The same error a request would have got (404, 400), so the page handles both ways alike.
      throw toHttpError(error)
    }
  }
  nitroApp.hooks.hook('request', (event) => {
    event.context.readPublic = read
  })
})
