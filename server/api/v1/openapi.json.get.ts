import { defineEventHandler } from 'h3'
import { buildOpenApiDocument } from '~~/server/openapi/document'

let document: ReturnType<typeof buildOpenApiDocument> | undefined

export default defineEventHandler(() => {
  document ??= buildOpenApiDocument()
  return document
})
