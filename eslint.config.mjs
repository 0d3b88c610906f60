// @ts-check
import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt(
  {
    ignores: ['server/db/migrations/**', 'playwright-report/**', 'test-results/**', '.data/**'],
  },
  {
    rules: {
      'vue/multi-word-component-names': 'off',
    },
  },
)
