import { defineComponent, h, provide, ssrContextKey, useSSRContext, type Component, type InjectionKey } from 'vue'

/** Where the components drawn inside a static part register themselves while the page is rendered. */
export const STATIC_PART_MODULES = '~staticPartModules'

/** Provided (true) to the components inside a static part while it is rendered on the server. */
export const IN_STATIC_PART: InjectionKey<boolean> = Symbol('in-static-part')

export interface StaticPartModules {
  add: (id: string) => void
}

/**
 * A part of a page that the browser never hydrates (defineLazyHydrationComponent('never')), whose components
 * are not preloaded either: while it is rendered on the server, the components inside it register in a list
 * of their own (plugins/lazy-hydration.server.ts), so their code is not announced to the browser, which never
 * runs it, and the messages they show do not travel in the payload (useI18n). In the browser the part is the
 * lazy component itself.
 */
export function staticPart<T extends Component>(part: T): T {
  if (!import.meta.server) return part
  return defineComponent({
    name: 'StaticPart',
    inheritAttrs: false,
    setup(_, { attrs, slots }) {
      const context = useSSRContext<Record<string, unknown>>()
      const own = useNuxtApp()[STATIC_PART_MODULES]
      if (context && own) {
        // The SFC compiler's registration call is `ssrContext.modules.add(id)`: below this part it reaches `own`.
        provide(ssrContextKey, Object.create(context, { modules: { value: { add: (id: string) => own.add(id) } } }))
      }
      provide(IN_STATIC_PART, true)
      return () => h(part, attrs, slots)
    },
  }) as unknown as T
}
