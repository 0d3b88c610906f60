import { defineNitroPlugin } from 'nitropack/runtime'
import { databaseReady } from '~~/server/utils/db'

/**
 * Starts the database when the server starts. A migration that fails stops the server: serving on a
 * half-migrated schema would be worse than not serving.
 */
export default defineNitroPlugin((nitroApp) => {
  databaseReady().catch((error: unknown) => {
    console.error('[db] FATAL: the database could not be prepared (connection or migration failed); the server stops.')
    console.error(error)
    process.exit(1)
  })
  nitroApp.hooks.hook('close', async () => {
    const handle = await databaseReady().catch(() => undefined)
    await handle?.close()
  })
})
