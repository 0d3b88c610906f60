import { sql } from 'drizzle-orm'
import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3'
import { databaseReady } from '~~/server/utils/db'

export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  try {
    const handle = await Promise.race([
      databaseReady(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('database not ready')), 5000)),
    ])
    await handle.db.execute(sql`select 1`)
    return { status: 'ok', db: 'ok' }
  }
  catch {
    setResponseStatus(event, 503)
    return { status: 'unavailable', db: 'unreachable' }
  }
})
