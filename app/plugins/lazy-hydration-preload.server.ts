/**
 * A component hydrated lazily (defineLazyHydrationComponent) must not be preloaded: its code is fetched when
 * it is seen, or never. Nuxt 4.4 drops such modules from the request's modules only after the renderer has
 * computed (and cached) the request's dependencies for the inline styles, so the preload links still name
 * them. Not caching that computation makes the preload links honour the removal; the styles are unchanged.
 */
export default defineNuxtPlugin((nuxtApp) => {
  nuxtApp.hooks.hook('app:rendered', ({ ssrContext }) => {
    if (!ssrContext) return
    Object.defineProperty(ssrContext, '_requestDependencies', { configurable: true, get: () => undefined, set: () => {} })
  })
})
