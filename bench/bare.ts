/**
 * Empty Nuxt apps built in the same run, the framework's ceiling: how fast Nuxt itself renders a page and
 * serves a static file on this machine, and how much JavaScript its entry weighs. Built once per process
 * in a temporary directory (nuxt.config with compatibilityDate only), reusing this repository's node_modules
 * through a symlink so it is the same Nuxt version as the portal:
 *  - 'app': a one-line app.vue, no pages (no router);
 *  - 'page': the same with one page in pages/ (app.vue holds <NuxtPage />), so Nuxt brings its router, as
 *    in any app with pages: the floor of what a page of an app with pages can cost and weigh.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root } from './lib'

export interface BareNuxt {
  outputDir: string
  nuxtVersion: string
  buildSeconds: number
}

export type BareVariant = 'app' | 'page'

const built = new Map<BareVariant, BareNuxt>()

export function ensureBareNuxt(variant: BareVariant = 'app'): BareNuxt {
  const done = built.get(variant)
  if (done) return done
  const dir = mkdtempSync(join(tmpdir(), `bench-bare-nuxt-${variant}-`))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  mkdirSync(join(dir, 'app'))
  mkdirSync(join(dir, 'public'))
  mkdirSync(join(dir, 'server/api'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-nuxt', private: true, type: 'module' })}\n`)
  writeFileSync(join(dir, 'nuxt.config.ts'), 'export default defineNuxtConfig({ compatibilityDate: \'2026-11-01\' })\n')
  const hello = '<template>\n  <main><h1>Hello</h1></main>\n</template>\n'
  if (variant === 'page') {
    mkdirSync(join(dir, 'app/pages'))
    writeFileSync(join(dir, 'app/pages/index.vue'), hello)
    writeFileSync(join(dir, 'app/app.vue'), '<template>\n  <NuxtPage />\n</template>\n')
  }
  else {
    writeFileSync(join(dir, 'app/app.vue'), hello)
  }
  // The test server helper waits for /api/health; a server route does not touch the page or its JavaScript.
  writeFileSync(join(dir, 'server/api/health.ts'), 'export default defineEventHandler(() => ({ status: \'ok\' }))\n')
  copyFileSync(join(root, 'public/favicon.svg'), join(dir, 'public/favicon.svg'))
  const started = Date.now()
  const out = spawnSync(process.execPath, [join(root, 'node_modules/nuxt/bin/nuxt.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (out.status !== 0) throw new Error(`building the empty Nuxt app failed:\n${(out.stdout ?? '').slice(-3000)}\n${(out.stderr ?? '').slice(-3000)}`)
  const nuxtVersion = (JSON.parse(readFileSync(join(root, 'node_modules/nuxt/package.json'), 'utf8')) as { version: string }).version
  const result = { outputDir: join(dir, '.output'), nuxtVersion, buildSeconds: (Date.now() - started) / 1000 }
  built.set(variant, result)
  return result
}
