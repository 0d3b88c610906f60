import { apiError } from '~~/server/utils/errors'
import { defineApiHandler } from '~~/server/utils/api'

/** Anything under /api that no route answers is a JSON 404, never the HTML app. */
export default defineApiHandler(() => {
  throw apiError('NOT_FOUND', 'No such API route')
})
