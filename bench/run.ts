/**
 * `npm run bench`: speed and weight figures, measured side by side in one run.
 *  1. Catalogue search through HTTP on the built server at 100,000 products vs the ~320-product demo
 *     catalogue, on the embedded database and (when reachable) PostgreSQL: p50 / p95 / p99.
 *  2. The same searches in-process against PostgreSQL with the trigram index and without it.
 *  3. The home page's JavaScript, gzipped.
 * Every query is different (no server cache hits): prefixes of real model numbers, brands, filters.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { productListQuerySchema } from '../shared/schemas/public'
import { openDatabase, type DatabaseHandle } from '../server/db/client'
import { applyMigrations, folderSource } from '../server/db/migrate'
import { products } from '../server/db/schema'
import { buildBulkProducts } from '../server/db/seed/bulk-products'
import { seedDemoData } from '../server/db/seed/demo'
import { seedReferenceData } from '../server/db/seed/reference'
import { listProducts } from '../server/services/catalogue'
import { startBuiltServer } from '../test/support/server'

const BULK = Number(process.env.BENCH_PRODUCTS ?? 100_000)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 400)
const root = new URL('..', import.meta.url).pathname

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]!
}

function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1)! }
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`

async function fill(handle: DatabaseHandle, bulk: number) {
  await applyMigrations(handle, await folderSource(join(root, 'server/db/migrations')))
  await seedReferenceData(handle.db)
  await seedDemoData(handle.db, new Date(), 'bench identity key, not a secret')
  const rows = buildBulkProducts(bulk, 7)
  for (let i = 0; i < rows.length; i += 2000) await handle.db.insert(products).values(rows.slice(i, i + 2000)).onConflictDoNothing()
  await handle.db.execute(sql`analyze products`)
}

/** A mix of what residents type: model prefixes of different lengths, brands, filters. Each one distinct. */
function queryMix(count: number): string[] {
  const sample = buildBulkProducts(Math.min(BULK, 20_000), 7)
  const out = new Set<string>()
  let i = 0
  while (out.size < count) {
    const p = sample[(i * 7919) % sample.length]!
    const kind = i % 6
    const page = 1 + (i % 3)
    if (kind === 0) out.add(`q=${encodeURIComponent(p.model.slice(0, 4 + (i % 4)))}&page=${page}`)
    else if (kind === 1) out.add(`q=${encodeURIComponent(`${p.brand} ${p.model.slice(0, 3)}`)}&page=${page}`)
    else if (kind === 2) out.add(`q=${encodeURIComponent(p.brandAlias ?? p.brand)}&category=${p.categoryCode}&page=${page}`)
    else if (kind === 3) out.add(`category=${p.categoryCode}&grade=${1 + (i % 3)}&sort=price_asc&page=${page}&minPriceFen=${(i % 50) * 1000}`)
    else if (kind === 4) out.add(`event=appliance-2026&q=${encodeURIComponent(p.model.slice(0, 5))}&page=${page}`)
    else out.add(`q=${encodeURIComponent(p.model.slice(2, 8).toLowerCase().replace(/[-/]/g, ''))}&sort=price_desc&page=${page}`)
    i++
  }
  return [...out]
}

async function httpSearch(baseUrl: string, queries: string[]): Promise<number[]> {
  const samples: number[] = []
  for (const q of queries.slice(0, 20)) await fetch(`${baseUrl}/api/v1/products?warm=0&${q}`).catch(() => {})
  for (const q of queries) {
    const t0 = performance.now()
    const res = await fetch(`${baseUrl}/api/v1/products?${q}`)
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`search ${q} answered ${res.status}`)
    samples.push(performance.now() - t0)
  }
  return samples
}

async function inProcessSearch(handle: DatabaseHandle, queries: string[]): Promise<number[]> {
  const samples: number[] = []
  for (const q of queries) {
    const query = productListQuerySchema.parse(Object.fromEntries(new URLSearchParams(q)))
    const t0 = performance.now()
    await listProducts(handle.db, query)
    samples.push(performance.now() - t0)
  }
  return samples
}

async function homePageJs(baseUrl: string) {
  const html = await (await fetch(`${baseUrl}/`)).text()
  const urls = new Set<string>()
  for (const m of html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)) urls.add(m[1]!)
  let raw = 0
  let gz = 0
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(new URL(url, baseUrl))).arrayBuffer())
    raw += body.length
    gz += gzipSync(body, { level: 9 }).length
  }
  return { files: urls.size, rawKiB: raw / 1024, gzipKiB: gz / 1024 }
}

async function postgresReachable(url: string): Promise<boolean> {
  const client = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} })
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

async function main() {
  if (!existsSync(join(root, '.output/server/index.mjs'))) {
    console.log('building…')
    if (spawnSync('npx', ['nuxt', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1)
  }
  const queries = queryMix(QUERIES)
  const rows: Array<[string, ReturnType<typeof summary>]> = []

  // Embedded database: prepare two data directories (demo only, demo + bulk), serve each in turn.
  for (const bulk of [0, BULK]) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-pglite-'))
    const handle = await openDatabase({ dataDir: dir })
    await fill(handle, bulk)
    await handle.close()
    const server = await startBuiltServer({ label: 'bench', env: { PGLITE_DATA_DIR: dir, DEMO_DATA: '0' }, database: 'given' })
    rows.push([`HTTP search, PGlite, ${bulk ? `${bulk.toLocaleString('en')} + demo` : 'demo only'} products`, summary(await httpSearch(server.url, queries))])
    if (bulk) {
      const js = await homePageJs(server.url)
      console.log(`home page JavaScript: ${js.files} files, ${js.rawKiB.toFixed(1)} KiB raw, ${js.gzipKiB.toFixed(1)} KiB gzipped`)
    }
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }

  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
  if (await postgresReachable(adminUrl)) {
    for (const bulk of [0, BULK]) {
      const name = `tradein_bench_${bulk}_${process.pid}`
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
      await admin.unsafe(`drop database if exists ${name}`)
      await admin.unsafe(`create database ${name}`)
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      const handle = await openDatabase({ url: url.toString() })
      await fill(handle, bulk)
      const server = await startBuiltServer({ label: 'bench', env: { DATABASE_URL: url.toString(), DEMO_DATA: '0' }, database: 'given' })
      rows.push([`HTTP search, PostgreSQL, ${bulk ? `${bulk.toLocaleString('en')} + demo` : 'demo only'} products`, summary(await httpSearch(server.url, queries))])
      await server.stop()
      if (bulk) {
        rows.push(['in-process search, PostgreSQL, trigram index', summary(await inProcessSearch(handle, queries))])
        await handle.db.execute(sql`drop index products_search_key_trgm_idx`)
        rows.push(['in-process search, PostgreSQL, no trigram index', summary(await inProcessSearch(handle, queries))])
      }
      await handle.close()
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  }
  else {
    console.log('(PostgreSQL not reachable: its rows are skipped)')
  }

  console.log(`\n${queries.length} distinct catalogue searches each (sequential, one client):`)
  console.log('| run | p50 | p95 | p99 | max |')
  console.log('|---|---|---|---|---|')
  for (const [name, s] of rows) console.log(`| ${name} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.max)} |`)
  const base = rows[0]?.[1]
  if (base) {
    console.log('\np95 relative to the first row:')
    for (const [name, s] of rows) console.log(`  ${(s.p95 / base.p95).toFixed(2)}×  ${name}`)
  }
}

await main()
