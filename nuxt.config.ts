// https://nuxt.com/docs/api/configuration/nuxt-config
const publicApiCache = { cache: { swr: true, maxAge: 30, staleMaxAge: 60 } }

export default defineNuxtConfig({
  modules: ['@nuxt/eslint', '@nuxtjs/i18n', '@pinia/nuxt', '@vant/nuxt'],
  devtools: { enabled: false },

  app: {
    head: {
      htmlAttrs: { lang: 'zh-CN' },
      meta: [
        { name: 'viewport', content: 'width=device-width, initial-scale=1, viewport-fit=cover' },
        { name: 'theme-color', content: '#c8102e' },
        { name: 'format-detection', content: 'telephone=no' },
      ],
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    },
  },

  css: ['~/assets/css/main.css'],

  runtimeConfig: {
    public: {
      siteName: '江海区以旧换新服务平台',
    },
  },

  routeRules: {
    // Public read-only API, cached briefly on the server. These handlers never touch the session, and
    // Nitro's cache refuses to store a response that sets a cookie (test/integration/caching.test.ts).
    '/api/v1/categories': { cache: { swr: true, maxAge: 300, staleMaxAge: 600 } },
    '/api/v1/events': publicApiCache,
    '/api/v1/events/**': publicApiCache,
    '/api/v1/products': publicApiCache,
    '/api/v1/products/**': publicApiCache,
    '/api/v1/merchants': publicApiCache,
    '/api/v1/merchants/**': publicApiCache,
    '/api/v1/promotions': publicApiCache,
    '/api/v1/stats': publicApiCache,
    '/api/v1/openapi.json': { cache: { swr: true, maxAge: 3600 } },
  },
  compatibilityDate: '2026-11-01',

  nitro: {
    serverAssets: [{ baseName: 'migrations', dir: './db/migrations' }],
  },

  typescript: {
    strict: true,
  },
  telemetry: false,

  eslint: {
    config: { stylistic: true },
  },

  i18n: {
    strategy: 'prefix_except_default',
    defaultLocale: 'zh-CN',
    locales: [
      // Public pages' strings, the account and console strings, qualifications and the counter, the bureau's set-up.
      { code: 'zh-CN', language: 'zh-CN', name: '中文', files: ['zh-CN.json', 'console.zh-CN.json', 'money.zh-CN.json', 'bureau.zh-CN.json'] },
      { code: 'en', language: 'en', name: 'English', files: ['en.json', 'console.en.json', 'money.en.json', 'bureau.en.json'] },
    ],
    detectBrowserLanguage: {
      useCookie: true,
      cookieKey: 'lang',
      redirectOn: 'root',
      alwaysRedirect: false,
      fallbackLocale: 'zh-CN',
    },
    baseUrl: process.env.PUBLIC_BASE_URL ?? '',
  },

  vant: {
    lazyload: false,
    defaultLocale: 'zh-CN',
  },
})
