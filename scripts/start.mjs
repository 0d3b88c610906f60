#!/usr/bin/env node
// `npm start`: build when the sources are newer than the last build, then serve the built portal.
// Without DATABASE_URL it runs on the embedded database (./.data/db) with the demo data set.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const marker = join(root, '.output/nitro.json')
const sources = ['app', 'server', 'shared', 'i18n', 'public', 'nuxt.config.ts', 'package-lock.json']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0
const sourcesAt = Math.max(...sources.map(s => newestMtime(join(root, s))))
if (sourcesAt > builtAt) {
  console.log(builtAt ? 'Sources changed since the last build: building…' : 'First start: building the portal…')
  const build = spawnSync('npx', ['nuxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// Rendering a page makes many short-lived objects: a larger young generation makes their garbage collection
// cheaper (measured: ~12-18 % of a render's CPU went to scavenges with Node's default 16 MB semi-space). It is
// fixed in size from the start, so the process's memory does not creep up as load comes and goes.
const NODE_FLAGS = ['--min-semi-space-size=64', '--max-semi-space-size=64']
// glibc gives each thread that allocates (compression runs on the thread pool) arenas of its own, and freed
// memory stays spread over them: with two arenas a server that keeps answering distinct requests keeps its
// resident memory flat (measured: +10 % instead of +24 % over 36,000 distinct searches, bench/memory.ts).
const RUNTIME_ENV = { MALLOC_ARENA_MAX: '2' }

const port = process.env.PORT || '3000'
const host = process.env.HOST || '0.0.0.0'
// The embedded database is the demo set-up, often opened over plain HTTP from another device on the LAN:
// there the session cookie must not require HTTPS. With DATABASE_URL (production) it stays Secure.
const cookieSecure = process.env.COOKIE_SECURE ?? (process.env.DATABASE_URL ? undefined : '0')
const server = spawn(process.execPath, [...NODE_FLAGS, join(root, '.output/server/index.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...RUNTIME_ENV, ...process.env, PORT: port, HOST: host, NODE_ENV: 'production', ...(cookieSecure === undefined ? {} : { COOKIE_SECURE: cookieSecure }) },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', code => process.exit(code ?? 0))

// Tell the newcomer where to look once the database is ready.
const url = `http://localhost:${port}`
for (let i = 0; i < 120; i++) {
  await new Promise(r => setTimeout(r, 500))
  try {
    const res = await fetch(`${url}/api/health`)
    if (res.ok) {
      const { printBanner } = await import('./banner.mjs')
      printBanner(url)
      break
    }
  }
  catch { /* not listening yet */ }
}
