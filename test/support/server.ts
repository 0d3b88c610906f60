import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import postgres from 'postgres'

/**
 * Starts the BUILT portal (.output) on a free port with its own database: a fresh PostgreSQL database
 * when DATABASE_URL is set, otherwise a fresh PGlite directory. Used by integration and e2e tests.
 */
export interface StartedServer {
  url: string
  databaseUrl: string | undefined
  /** The server's process id (benchmarks read its CPU time and memory from /proc). */
  pid: number | undefined
  stop(): Promise<void>
}

const root = resolve(import.meta.dirname, '../..')

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** A new database on the PostgreSQL server of `adminUrl` (one left by an interrupted run of the same name is replaced). */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.unsafe(`create database "${name}"`)
  }
  finally {
    await admin.end({ timeout: 5 })
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
  }
  finally {
    await admin.end({ timeout: 5 })
  }
}

export interface StartOptions {
  label: string
  env?: Record<string, string>
  /** 'fresh' (default): a new database for this server; 'given': the DATABASE_URL or PGLITE_DATA_DIR in `env`. */
  database?: 'fresh' | 'given'
  /** Another build to serve (e.g. an earlier commit's, for side-by-side benchmarks); default ./.output. */
  outputDir?: string
  /** Node's flags and the environment `npm start` adds: default this checkout's (another commit's build runs with its own). */
  runtime?: Runtime
  /** More Node flags (e.g. --inspect). */
  extraNodeFlags?: readonly string[]
}

/** How a checkout's `npm start` (scripts/start.mjs) runs its server: Node's flags and the environment it adds. */
export interface Runtime {
  nodeFlags: readonly string[]
  env: Readonly<Record<string, string>>
}

/** Read from a checkout's scripts/start.mjs (its NODE_FLAGS and RUNTIME_ENV; none when it names none). */
export function startRuntime(checkout: string): Runtime {
  const script = join(checkout, 'scripts/start.mjs')
  const source = existsSync(script) ? readFileSync(script, 'utf8') : ''
  const flags = /const NODE_FLAGS = \[([^\]]*)\]/.exec(source)?.[1] ?? ''
  const env = /const RUNTIME_ENV = \{([^}]*)\}/.exec(source)?.[1] ?? ''
  return {
    nodeFlags: [...flags.matchAll(/'([^']+)'/g)].map(m => m[1]!),
    env: Object.fromEntries([...env.matchAll(/(\w+): '([^']*)'/g)].map(m => [m[1]!, m[2]!])),
  }
}

/** How `npm start` runs the server of this checkout. */
export const NPM_START_RUNTIME: Runtime = startRuntime(root)

export async function startBuiltServer(options: StartOptions): Promise<StartedServer> {
  const entry = join(options.outputDir ?? join(root, '.output'), 'server/index.mjs')
  if (!existsSync(entry)) throw new Error('The portal is not built: run `npm run build` first (npm test does it for you).')
  const port = await freePort()
  const fresh = (options.database ?? 'fresh') === 'fresh'
  const adminUrl = fresh ? process.env.DATABASE_URL?.trim() || undefined : undefined
  const dbName = `tradein_${options.label}_${process.pid}_${Date.now()}`.toLowerCase().replace(/[^a-z0-9_]/g, '_')
  const databaseUrl = adminUrl ? await createDatabase(adminUrl, dbName) : undefined
  const dataDir = databaseUrl || !fresh ? undefined : mkdtempSync(join(tmpdir(), `tradein-${options.label}-`))
  const env: Record<string, string> = {
    ...(options.runtime ?? NPM_START_RUNTIME).env,
    ...process.env as Record<string, string>,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    DEMO_DATA: '1',
    COOKIE_SECURE: '0',
    BOOTSTRAP_ADMIN_PHONE: '13700000000',
    BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap admin password',
    IDENTITY_HASH_KEY: 'test-identity-hash-key-0123456789abcdef',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(dataDir ? { PGLITE_DATA_DIR: dataDir } : {}),
  }
  if (!databaseUrl) delete env.DATABASE_URL
  Object.assign(env, options.env)
  // The same Node flags as `npm start`, so tests and benchmarks run the server as it runs.
  const child: ChildProcess = spawn(process.execPath, [...(options.runtime ?? NPM_START_RUNTIME).nodeFlags, ...(options.extraNodeFlags ?? []), entry], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The portal exited during start (code ${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    }
    catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The portal did not become healthy within 90 s:\n${output}`)
    }
    await new Promise(r => setTimeout(r, 250))
  }
  return {
    url,
    databaseUrl,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise(r => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise(r => setTimeout(r, 5000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      if (adminUrl) await dropDatabase(adminUrl, dbName)
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
