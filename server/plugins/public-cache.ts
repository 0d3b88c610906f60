import { defineNitroPlugin } from 'nitropack/runtime'
import { closePublicCache } from '~~/server/cache/public-cache'

/** Lets go of Redis (or the in-process cache) when the server stops. */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('close', async () => {
    await closePublicCache()
  })
})
