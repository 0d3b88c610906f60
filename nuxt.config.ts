// https://nuxt.com/docs/api/configuration/nuxt-config

export default defineNuxtConfig({
  modules: ['@nuxt/eslint', '@nuxtjs/i18n', '@pinia/nuxt'],
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

  compatibilityDate: '2026-11-01',

  nitro: {
    // /_nuxt/* and public files are sent brotli- or gzip-compressed, made once at build time.
    compressPublicAssets: { gzip: true, brotli: true },
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
})
