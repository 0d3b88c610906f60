import { buildOpenApiDocument } from '~~/server/openapi/document'
import { definePublicApiHandler } from '~~/server/utils/api'

let document: ReturnType<typeof buildOpenApiDocument> | undefined

/** The same document for every query string: it is built once and cached under one key. */
export default definePublicApiHandler({
  policy: 'fixed',
  answer: async () => {
    document ??= buildOpenApiDocument()
    return document
  },
})
