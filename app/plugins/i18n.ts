import type { Ref } from 'vue'
import { interpolate, intlTag, LOCALE_COOKIE, localeOfPath, localizePath, lookup, pickMessages, type Locale, type Messages } from '#shared/i18n'

/** The messages a page was rendered with, carried in its payload. */
interface ShippedMessages {
  locale: Locale
  messages: Messages
}

declare module '#app' {
  interface NuxtPayload {
    i18n?: ShippedMessages
  }
}

export interface Translator {
  /** The page's language, from its path (English under /en). */
  locale: Readonly<Ref<Locale>>
  t: (key: string, params?: Record<string, unknown>) => string
  te: (key: string) => boolean
  /** A number written the way the page's language writes it (1,234). */
  n: (value: number) => string
  /**
   * Messages a component shows only after the page has loaded (a signed-in label, a refusal), by key or
   * group: they travel with the page instead of waiting for the rest of the language.
   */
  keep: (...keys: string[]) => void
  /** Remembers the choice and opens the same page in `target`. */
  setLocale: (target: Locale) => Promise<void>
}

export interface I18n extends Translator {
  /** The same, for a part never hydrated: the messages it shows are not shipped with the page (server only). */
  unshipped: Translator
}

const YEAR_SECONDS = 60 * 60 * 24 * 365

const numberFormats = new Map<Locale, Intl.NumberFormat>()

function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(intlTag(locale))
    numberFormats.set(locale, format)
  }
  return format.format(value)
}

/**
 * Chinese and English without a translation runtime. The server holds every message and records the keys
 * a render uses; the page carries just those, so a phone hydrates without downloading the languages; the
 * rest of the page's language comes as one immutable, cached JSON file once the page is idle (or before a
 * navigation needs it).
 */
export default defineNuxtPlugin({
  name: 'i18n',
  dependsOn: ['nuxt:router'],
  async setup(nuxtApp) {
    const router = useRouter()
    const buildId = useRuntimeConfig().app.buildId
    const locale = computed<Locale>(() => localeOfPath(router.currentRoute.value.path))
    const messages = shallowRef<Partial<Record<Locale, Messages>>>({})
    const complete = new Set<Locale>()
    const used = new Set<string>()

    if (import.meta.server) {
      const { MESSAGES } = await import('~~/i18n/messages')
      messages.value = MESSAGES
      complete.add('zh-CN').add('en')
      nuxtApp.hooks.hook('app:rendered', () => {
        nuxtApp.payload.i18n = { locale: locale.value, messages: pickMessages(MESSAGES[locale.value], used) }
      })
    }
    else if (nuxtApp.payload.i18n) {
      const shipped = nuxtApp.payload.i18n
      messages.value = { [shipped.locale]: shipped.messages }
    }

    const loading = new Map<Locale, Promise<void>>()
    function loadAll(target: Locale): Promise<void> {
      if (complete.has(target)) return Promise.resolve()
      let pending = loading.get(target)
      if (!pending) {
        pending = $fetch<Messages>(`/_i18n/${buildId}/${target}.json`)
          .then((all) => {
            messages.value = { ...messages.value, [target]: all }
            complete.add(target)
          })
          .catch((error: unknown) => console.error(`[i18n] could not load the ${target} messages`, error))
          .finally(() => loading.delete(target))
        loading.set(target, pending)
      }
      return pending
    }

    function translate(key: string, params?: Record<string, unknown>): string {
      const current = locale.value
      const message = lookup(messages.value[current], key)
      if (message !== undefined) return interpolate(message, params)
      if (import.meta.client && !complete.has(current)) {
        void loadAll(current)
        return ''
      }
      return key
    }

    function t(key: string, params?: Record<string, unknown>): string {
      if (import.meta.server) used.add(key)
      return translate(key, params)
    }

    function exists(key: string): boolean {
      return lookup(messages.value[locale.value], key) !== undefined
    }

    function te(key: string): boolean {
      if (import.meta.server) used.add(key)
      return exists(key)
    }

    function keep(...keys: string[]): void {
      if (import.meta.server) for (const key of keys) used.add(key)
    }

    function rememberLocale(target: Locale): void {
      if (import.meta.client && !document.cookie.split(/;\s*/).includes(`${LOCALE_COOKIE}=${target}`)) {
        document.cookie = `${LOCALE_COOKIE}=${target}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax`
      }
    }

    async function setLocale(target: Locale): Promise<void> {
      rememberLocale(target)
      await loadAll(target)
      const { fullPath } = router.currentRoute.value
      await navigateTo(localizePath(fullPath, target))
    }

    if (import.meta.client) {
      // A page in another language needs its messages before it renders.
      router.beforeEach(async (to) => {
        if (!nuxtApp.isHydrating) await loadAll(localeOfPath(to.path))
      })
      router.afterEach(to => rememberLocale(localeOfPath(to.path)))
      nuxtApp.hooks.hookOnce('app:suspense:resolve', () => {
        rememberLocale(locale.value)
        const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1500))
        idle(() => void loadAll(locale.value), { timeout: 3000 })
      })
      if (!nuxtApp.payload.i18n) await loadAll(locale.value)
    }

    const n = (value: number) => formatNumber(locale.value, value)
    const unshipped: Translator = { locale, t: translate, te: exists, n, keep: () => {}, setLocale }
    const i18n: I18n = { locale, t, te, n, keep, setLocale, unshipped }
    return { provide: { i18n } }
  },
})
