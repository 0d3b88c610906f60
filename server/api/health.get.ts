import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3'
import { databaseReachable } from '~~/server/utils/db'

export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  if (await databaseReachable()) return { status: 'ok', db: 'ok' }
  setResponseStatus(event, 503)
  return { status: 'unavailable', db: 'unreachable' }
})
