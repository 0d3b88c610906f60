import { STATIC_PART_MODULES, type StaticPartModules } from '~/utils/static-part'

declare module '#app' {
  interface NuxtApp {
    [STATIC_PART_MODULES]?: StaticPartModules
  }
}

/**
 * What a page preloads is the code it runs in the browser, not the code of parts it never hydrates.
 * - A component hydrated lazily (defineLazyHydrationComponent) must not be preloaded: its code is fetched
 *   when it is seen, or never. Nuxt 4.4 drops such modules from the request's modules only after the renderer
 *   has computed (and cached) the request's dependencies for the inline styles, so the preload links still
 *   name them. Not caching that computation makes the preload links honour the removal; the styles are
 *   unchanged.
 * - The components drawn inside a part that is never hydrated (staticPart) are dropped too, unless the page
 *   also renders one of them outside such a part. Their styles are still inlined.
 */
export default defineNuxtPlugin((nuxtApp) => {
  const ssrContext = nuxtApp.ssrContext
  if (!ssrContext) return
  const modules = ssrContext.modules ??= new Set<string>()
  const direct = new Set<string>()
  const insideStatic = new Set<string>()
  // Every component registers itself here while it is set up (the SFC compiler adds the call).
  modules.add = (id: string) => {
    direct.add(id)
    return Set.prototype.add.call(modules, id) as Set<string>
  }
  nuxtApp[STATIC_PART_MODULES] = {
    add(id: string) {
      insideStatic.add(id)
      Set.prototype.add.call(modules, id)
    },
  }
  nuxtApp.hooks.hook('app:rendered', ({ ssrContext }) => {
    if (!ssrContext) return
    const lazy: Set<string> = ssrContext['~lazyHydratedModules'] ??= new Set<string>()
    for (const id of insideStatic) if (!direct.has(id)) lazy.add(id)
    Object.defineProperty(ssrContext, '_requestDependencies', { configurable: true, get: () => undefined, set: () => {} })
  })
})
