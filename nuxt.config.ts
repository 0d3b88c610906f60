// https://nuxt.com/docs/api/configuration/nuxt-config

export default defineNuxtConfig({
  modules: ['@nuxt/eslint'],
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

  runtimeConfig: {
    public: {
      siteName: '江海区以旧换新服务平台',
      // The site's public origin, for the absolute links of hreflang and link previews (API.md PUBLIC_BASE_URL).
      baseUrl: process.env.PUBLIC_BASE_URL ?? '',
    },
  },

  compatibilityDate: '2026-11-01',

  nitro: {
    // /_nuxt/* and public files are sent brotli- or gzip-compressed, made once at build time.
    compressPublicAssets: { gzip: true, brotli: true },
    serverAssets: [{ baseName: 'migrations', dir: './db/migrations' }],
  },

  vite: {
    vue: {
      // Every component is written with <script setup>: the Options API's runtime is not sent to phones.
      features: { optionsAPI: false },
    },
    build: {
      rollupOptions: {
        // Side-effect-free chunks under 8 kB join a chunk loaded with them: fewer requests and preload
        // links per page, and none so small that it goes uncompressed.
        output: { experimentalMinChunkSize: 8_000 },
      },
    },
  },

  typescript: {
    strict: true,
  },
  telemetry: false,

  hooks: {
    // The styles of a server-rendered page are inlined into it (features.inlineStyles; the global stylesheet is
    // app.vue's), so no CSS file need block its first paint. A component's CSS file still arrives with its
    // JavaScript (Vite loads it beside the chunk) for pages opened in the browser.
    // Nor is the code of other pages and of lazily hydrated parts announced for prefetching: a phone on mobile
    // data fetches a part's code when the part is seen (or never), and a page's when it is opened.
    'build:manifest'(manifest) {
      for (const entry of Object.values(manifest)) {
        entry.css = []
        entry.prefetch = false
      }
    },
    // Every page also lives under /en (English); Chinese, the default, has no prefix (shared/i18n.ts).
    'pages:extend'(pages) {
      for (const page of pages) page.path = page.path === '/' ? '/:lang(en)?' : `/:lang(en)?${page.path}`
    },
  },

  eslint: {
    config: { stylistic: true },
  },
})
