/**
 * An empty Nuxt app built in the same run, the framework's ceiling: how fast Nuxt itself renders a page and
 * serves a static file on this machine, and how much JavaScript its entry weighs. Built once per process
 * in a temporary directory (nuxt.config with compatibilityDate only, a one-line app.vue), reusing this
 * repository's node_modules through a symlink so it is the same Nuxt version as the portal.
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

let built: BareNuxt | undefined

export function ensureBareNuxt(): BareNuxt {
  if (built) return built
  const dir = mkdtempSync(join(tmpdir(), 'bench-bare-nuxt-'))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  mkdirSync(join(dir, 'app'))
  mkdirSync(join(dir, 'public'))
  mkdirSync(join(dir, 'server/api'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-nuxt', private: true, type: 'module' })}\n`)
  writeFileSync(join(dir, 'nuxt.config.ts'), 'export default defineNuxtConfig({ compatibilityDate: \'2026-11-01\' })\n')
  writeFileSync(join(dir, 'app/app.vue'), '<template>\n  <main><h1>Hello</h1></main>\n</template>\n')
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
  built = { outputDir: join(dir, '.output'), nuxtVersion, buildSeconds: (Date.now() - started) / 1000 }
  return built
}
