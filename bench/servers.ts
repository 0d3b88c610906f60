/**
 * Servers and probes the benchmark sections share: a built portal on a fresh database (PostgreSQL or
 * PGlite) with the demo data, its process's memory and CPU from /proc, raw HTTP requests that keep the
 * bytes as sent on the wire, and the public pages to measure.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { createDatabase, dropDatabase, startBuiltServer, type Runtime, type StartedServer } from '../test/support/server'
import type { BenchContext } from './lib'

export type Engine = 'postgres' | 'pglite'

export interface BenchServer extends StartedServer {
  label: string
  engine: Engine
  pid: number
  /** What did not go as asked (e.g. PostgreSQL unreachable, so PGlite was used). */
  notes: string[]
}

let serial = 0

/** The portal's public pages, Chinese then English, with a real product and merchant of the demo data. */
export interface PublicPage { name: string, path: string }

export async function postgresReachable(url: string): Promise<boolean> {
  const client = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} })
  try {
    await client`select 1`
    return true
  }
  catch {
    return false
  }
  finally {
    await client.end({ timeout: 2 })
  }
}

export interface StartBenchOptions {
  label: string
  /** The `.output` directory to serve. */
  outputDir: string
  engine?: Engine
  env?: Record<string, string>
  /** How the server runs (default as this checkout's `npm start` runs it; the baseline runs as its own did). */
  runtime?: Runtime
  /** More Node flags (e.g. --inspect). */
  extraNodeFlags?: readonly string[]
}

/**
 * Starts a built portal on a fresh database loaded with the demo data, load-test friendly
 * (RATE_LIMITS=off). A build that refuses RATE_LIMITS=off is started again without it, with a note.
 */
export async function startBenchServer(context: BenchContext, options: StartBenchOptions): Promise<BenchServer> {
  const notes: string[] = []
  let engine = options.engine ?? 'postgres'
  if (engine === 'postgres' && !context.postgresAdminUrl) {
    notes.push('PostgreSQL not reachable: ran on PGlite')
    engine = 'pglite'
  }
  const start = async (extra: Record<string, string>): Promise<BenchServer> => {
    const name = `tradein_bench_${options.label}_${process.pid}_${++serial}`.toLowerCase().replace(/[^a-z0-9_]/g, '_')
    const adminUrl = context.postgresAdminUrl
    const databaseUrl = engine === 'postgres' && adminUrl ? await createDatabase(adminUrl, name) : undefined
    const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'tradein-bench-'))
    const env: Record<string, string> = {
      DEMO_DATA: '1',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { PGLITE_DATA_DIR: dataDir! }),
      ...extra,
      ...options.env,
    }
    let server: StartedServer
    try {
      server = await startBuiltServer({ label: options.label, outputDir: options.outputDir, database: 'given', env, runtime: options.runtime, extraNodeFlags: options.extraNodeFlags })
    }
    catch (error) {
      if (adminUrl && databaseUrl) await dropDatabase(adminUrl, name)
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
      throw error
    }
    if (!server.pid) throw new Error(`${options.label}: the server has no process id`)
    return {
      ...server,
      pid: server.pid,
      label: options.label,
      engine,
      notes,
      async stop() {
        await server.stop()
        if (adminUrl && databaseUrl) await dropDatabase(adminUrl, name)
        if (dataDir) rmSync(dataDir, { recursive: true, force: true })
      },
    }
  }
  try {
    return await start({ RATE_LIMITS: 'off' })
  }
  catch (error) {
    if (!/RATE_LIMITS/.test(String(error))) throw error
    notes.push('this build refuses RATE_LIMITS=off: started with its default limits')
    return start({})
  }
}

/** Resident set size and its peak, in bytes, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rss: number, peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN)
  return { rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 }
}

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  if (!existsSync(`/proc/${pid}/stat`)) throw new Error(`the server under test (pid ${pid}) is no longer running`)
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) start at the state, field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  /** The body as sent, still compressed when the server compressed it. */
  body: Buffer
}

/** One GET that keeps the body as it came over the wire (no decompression), with only the given headers. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${url} timed out`)))
    req.on('error', reject)
    req.end()
  })
}

async function firstId(baseUrl: string, path: string): Promise<string> {
  const res = await rawGet(`${baseUrl}${path}`)
  const body = JSON.parse(res.body.toString()) as { items?: Array<{ id: string }> }
  const id = body.items?.[0]?.id
  if (res.status !== 200 || !id) throw new Error(`GET ${path} gave no id (${res.status})`)
  return id
}

/** The public pages of the issue on this server (its demo product and merchant ids differ per database). */
export async function publicPages(baseUrl: string): Promise<PublicPage[]> {
  const product = await firstId(baseUrl, '/api/v1/products?pageSize=1')
  const merchant = await firstId(baseUrl, '/api/v1/merchants?pageSize=1')
  const zh: PublicPage[] = [
    { name: 'home', path: '/' },
    { name: 'event', path: '/events/appliance-2026' },
    { name: 'catalogue', path: '/catalogue' },
    { name: 'product', path: `/catalogue/${product}` },
    { name: 'merchants', path: '/merchants' },
    { name: 'merchant', path: `/merchants/${merchant}` },
    { name: 'safe-use', path: '/safe-use' },
  ]
  const en = zh.map(p => ({ name: `en ${p.name}`, path: p.path === '/' ? '/en' : `/en${p.path}` }))
  return [...zh, ...en]
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
export const pct = (value: number) => `${(value * 100).toFixed(1)} %`
export const rate = (value: number) => Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '–'
