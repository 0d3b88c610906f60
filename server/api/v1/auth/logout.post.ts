import { sendNoContent } from 'h3'
import { defineApiHandler } from '~~/server/utils/api'
import { endSession } from '~~/server/utils/session'

export default defineApiHandler(async (event) => {
  await endSession(event)
  return sendNoContent(event, 204)
})
