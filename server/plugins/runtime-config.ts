import { defineNitroPlugin, useRuntimeConfig } from 'nitropack/runtime'

/**
 * Nitro rebuilds the runtime config with environment overrides on every `useRuntimeConfig(event)` (for
 * platforms whose environment changes per request); @nuxtjs/i18n asks for it on every request, static
 * files and API included, which cost ~45 % of a static file's CPU. A Node server's environment is fixed at
 * start, so every request gets the config built once at start.
 */
export default defineNitroPlugin((nitroApp) => {
  const config = useRuntimeConfig()
  nitroApp.hooks.hook('request', (event) => {
    event.context.nitro ??= { errors: [] }
    event.context.nitro.runtimeConfig ??= config
  })
})
