#!/usr/bin/env node
// `npm test`: everything, in the order that fails fastest — lint, typecheck, unit, build, integration, browser.
// Integration tests use PostgreSQL when DATABASE_URL is set and the embedded PGlite otherwise; browser
// tests always run on the embedded database, in Debian's chromium.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const started = Date.now()

function run(title, command, args, env = {}) {
  const t0 = Date.now()
  console.log(`\n▶ ${title}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - t0) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds} s`)
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${title} (${seconds} s)`)
}

function ensureChromium() {
  if (existsSync(chromium)) return
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')
  if (!canInstall) {
    console.error(`Browser tests need Debian's chromium at ${chromium}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium binary)`)
    process.exit(1)
  }
  console.log('Installing Debian\'s chromium for the browser tests…')
  run('apt-get update', 'apt-get', ['update', '-qq'])
  run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' })
}

run('lint', 'npx', ['eslint', '.'])
run('typecheck', 'npx', ['nuxt', 'typecheck'])
run('unit tests', 'npx', ['vitest', 'run', '--project', 'unit'])
run('build', 'npx', ['nuxt', 'build'], { NODE_ENV: 'production' })
run(`integration tests (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, 'npx', ['vitest', 'run', '--project', 'integration'])
ensureChromium()
run('browser tests (Playwright, Debian chromium)', 'npx', ['playwright', 'test'])
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`)
