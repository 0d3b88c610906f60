import { defineNitroPlugin } from 'nitropack/runtime'
import { expireDueVouchers } from '~~/server/services/vouchers'
import { databaseReady } from '~~/server/utils/db'

const SWEEP_INTERVAL_MS = 60_000

/**
 * Expires due qualifications every minute, so that quota and budget come back even when nobody reads them.
 * Every read and write on the money path also runs the sweep first (lazy expiry); this is the backstop.
 */
export default defineNitroPlugin((nitroApp) => {
  let timer: ReturnType<typeof setInterval> | undefined
  databaseReady().then((handle) => {
    timer = setInterval(() => {
      expireDueVouchers(handle.db, new Date()).catch((error: unknown) => console.error('[vouchers] expiry sweep failed', error))
    }, SWEEP_INTERVAL_MS)
    timer.unref()
  }).catch(() => { /* server/plugins/database.ts reports and exits */ })
  nitroApp.hooks.hook('close', () => {
    if (timer) clearInterval(timer)
  })
})
