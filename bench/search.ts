/**
 * Catalogue search at 100,000 products plus the demo catalogue, before (7f8eb6b: one LIKE per word on
 * search_key, trigram index) and after (brand parts, model grams, ordered indexes), side by side in one run,
 * on PostgreSQL and on embedded PGlite:
 *  - server-side: the service call in this process (test/support/catalogue-search-reference.ts, the
 *    7f8eb6b code, on a database migrated to 7f8eb6b; listProducts on one with every migration);
 *  - over HTTP: the baseline build and this build, each serving its own copy of the same data.
 * Before and after take turns query by query, so a busy machine slows both alike. Every query is distinct;
 * over HTTP each is asked once (no response cache can answer it), server-side each runs three times and
 * counts with its median. The PostgreSQL databases are vacuumed and analysed after loading, as autovacuum
 * would; the PGlite ones too (it has no autovacuum). Three groups: the mix of the earlier benchmark (model fragments, brand + model,
 * Latin brand + category, filters, event, substrings), two-character Chinese brands (格力, 美的, 海尔 …)
 * alone and with filters, sorts and pages, and browsing without a word (sorts, categories, pages).
 * The server-side answers of before and after are compared: the same items in the same order, same total.
 *
 * Alone: `node --import tsx bench/search.ts` (BENCH_QUICK=1: 20,000 products, fewer queries).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import type { ProductListQuery } from '../shared/schemas/public'
import { productListQuerySchema } from '../shared/schemas/public'
import type { Page, ProductDto } from '../shared/types/public'
import { openDatabase, type DatabaseHandle, type Executor } from '../server/db/client'
import { applyMigrations, folderSource } from '../server/db/migrate'
import { products } from '../server/db/schema'
import { buildBulkProducts } from '../server/db/seed/bulk-products'
import { seedDemoData } from '../server/db/seed/demo'
import { seedReferenceData } from '../server/db/seed/reference'
import { listProducts } from '../server/services/catalogue'
import { referenceListProducts } from '../test/support/catalogue-search-reference'
import { createDatabase, dropDatabase, startBuiltServer, type StartedServer } from '../test/support/server'
import { newestMtime } from './baseline'
import { ms, ratio, root, summary, table, writeResults, type BenchContext, type BenchSection, type Summary } from './lib'

type Engine = 'postgres' | 'pglite'
type Side = 'before' | 'after'
type Group = 'mix' | 'brand2' | 'browse'

const GROUPS: Record<Group, string> = {
  mix: 'earlier mix',
  brand2: 'two-character Chinese brand',
  browse: 'browsing, no word',
}

/** Migrations 0000–0005 are the schema of 7f8eb6b, the commit measured against. */
const BASELINE_MIGRATIONS = 6

const SIDES: Side[] = ['before', 'after']
/** Server-side, each query runs this many times per side and counts with its median. */
const SERVER_SIDE_RUNS = 3

type Lister = (db: Executor, query: ProductListQuery) => Promise<Page<ProductDto>>
const LISTERS: Record<Side, Lister> = { before: referenceListProducts, after: listProducts }

interface Query { group: Group, text: string }

/**
 * The queries: each distinct. Products are drawn from the bulk catalogue's own generator (same seed as the
 * load), so the words are real brands and model fragments.
 */
export function searchQueries(perGroup: number, bulk: number): Query[] {
  const sample = buildBulkProducts(Math.min(bulk, 20_000), 7)
  const pick = (i: number) => sample[(i * 7919) % sample.length]!
  const seen = new Set<string>()
  const out: Query[] = []
  const add = (group: Group, text: string) => {
    if (seen.has(text)) return false
    seen.add(text)
    out.push({ group, text })
    return true
  }
  const e = encodeURIComponent
  // The earlier benchmark's mix (bench/run.ts at 7f8eb6b), unchanged.
  for (let i = 0, n = 0; n < perGroup; i++) {
    const p = pick(i)
    const kind = i % 6
    const page = 1 + (i % 3)
    let text: string
    if (kind === 0) text = `q=${e(p.model.slice(0, 4 + (i % 4)))}&page=${page}`
    else if (kind === 1) text = `q=${e(`${p.brand} ${p.model.slice(0, 3)}`)}&page=${page}`
    else if (kind === 2) text = `q=${e(p.brandAlias ?? p.brand)}&category=${p.categoryCode}&page=${page}`
    else if (kind === 3) text = `category=${p.categoryCode}&grade=${1 + (i % 3)}&sort=price_asc&page=${page}&minPriceFen=${(i % 50) * 1000}`
    else if (kind === 4) text = `event=appliance-2026&q=${e(p.model.slice(0, 5))}&page=${page}`
    else text = `q=${e(p.model.slice(2, 8).toLowerCase().replace(/[-/]/g, ''))}&sort=price_desc&page=${page}`
    if (add('mix', text)) n++
  }
  // Two-character Chinese brands, as often as they are in the catalogue (美的 and 海尔 most).
  const twoCharacter = /^\p{Script=Han}{2}$/u
  const sorts = ['relevance', 'price_asc', 'price_desc', 'grade', 'brand'] as const
  for (let i = 0, n = 0; n < perGroup && i < 200_000; i++) {
    const p = pick(i)
    if (!twoCharacter.test(p.brand)) continue
    const q = `q=${e(p.brand)}`
    const page = 1 + (i % 5)
    const sort = sorts[Math.floor(i / 7) % sorts.length]!
    const kind = i % 7
    let text: string
    if (kind === 0) text = `${q}&page=${page}`
    else if (kind === 1) text = `${q}&sort=${sort}&page=${page}`
    else if (kind === 2) text = `${q}&category=${p.categoryCode}&sort=${sort}&page=${page}`
    else if (kind === 3) text = `${q}&grade=${1 + (i % 2)}&sort=${sort}&page=${page}`
    else if (kind === 4) text = `${q}&minPriceFen=${(i % 40) * 10_000}&maxPriceFen=${(i % 40) * 10_000 + 300_000}&sort=${sort}&page=${page}`
    else if (kind === 5) text = `${q}&event=appliance-2026&sort=${sort}&page=${page}`
    else text = `${q}&category=${p.categoryCode}&grade=${1 + (i % 3)}&page=${page}`
    if (add('brand2', text)) n++
  }
  // Browsing: the catalogue page with no word, its sorts, a category, deeper pages.
  for (let i = 0, n = 0; n < perGroup; i++) {
    const p = pick(i)
    const sort = sorts[i % sorts.length]!
    const page = 1 + (Math.floor(i / sorts.length) % 10)
    const kind = Math.floor(i / 50) % 3
    let text: string
    if (kind === 0) text = `sort=${sort}&page=${page}`
    else if (kind === 1) text = `category=${p.categoryCode}&sort=${sort}&page=${page}`
    else text = `grade=${1 + (i % 2)}&sort=${sort}&page=${page}&pageSize=${10 + (i % 3) * 10}`
    if (add('browse', text)) n++
  }
  return out
}

interface Load {
  /** Inserting the bulk products (the cost of the indexes when a catalogue is imported). */
  insertSeconds: number
  /** The products table with its indexes. */
  tableMiB: number
}

async function fill(handle: DatabaseHandle, side: Side, bulk: number): Promise<Load> {
  const source = await folderSource(join(root, 'server/db/migrations'))
  if (side === 'before') source.journal = { entries: source.journal.entries.filter(entry => entry.idx < BASELINE_MIGRATIONS) }
  await applyMigrations(handle, source)
  await seedReferenceData(handle.db)
  await seedDemoData(handle.db, new Date(), 'bench identity key, not a secret')
  const rows = buildBulkProducts(bulk, 7)
  const t0 = performance.now()
  for (let i = 0; i < rows.length; i += 2000) await handle.db.insert(products).values(rows.slice(i, i + 2000)).onConflictDoNothing()
  const insertSeconds = (performance.now() - t0) / 1000
  // What autovacuum does on PostgreSQL after such a load (statistics, visibility map); PGlite has no
  // autovacuum, so it is done by hand on both for the same footing.
  await handle.db.execute(sql`vacuum analyze products`)
  const [size] = await handle.rows<{ bytes: string | number }>(sql`select pg_total_relation_size('products') as bytes`)
  return { insertSeconds, tableMiB: Number(size?.bytes ?? 0) / 2 ** 20 }
}

/** The answer as a comparable string: items by their natural key, in order, and the total. */
function answerKey(page: Page<ProductDto>): string {
  return `${page.total}:${page.items.map(p => `${p.categoryCode}/${p.brand}/${p.model}`).join('|')}`
}

interface Samples { before: number[], after: number[] }

function emptySamples(): Record<Group, Samples> {
  return { mix: { before: [], after: [] }, brand2: { before: [], after: [] }, browse: { before: [], after: [] } }
}

/**
 * Runs `measure` for before and after on every query, taking turns (which goes first alternates), `runs`
 * times each; a query counts with the median of its runs, so one stall of a shared machine does not become
 * that query's figure.
 */
async function alternate(queries: Query[], runs: number, measure: (side: Side, query: Query) => Promise<number>): Promise<Measured> {
  const samples = emptySamples()
  const perQuery: Measured['perQuery'] = []
  for (const [i, query] of queries.entries()) {
    const times: Record<Side, number[]> = { before: [], after: [] }
    for (let run = 0; run < runs; run++) {
      const order: Side[] = (i + run) % 2 === 0 ? ['before', 'after'] : ['after', 'before']
      for (const side of order) times[side].push(await measure(side, query))
    }
    for (const side of SIDES) samples[query.group][side].push(median(times[side]))
    perQuery.push({ group: query.group, text: query.text, before: Number(median(times.before).toFixed(2)), after: Number(median(times.after).toFixed(2)) })
  }
  return { samples, perQuery }
}

interface Measured {
  samples: Record<Group, Samples>
  /** Each query's figure (ms), for finding the slow ones. */
  perQuery: Array<{ group: Group, text: string, before: number, after: number }>
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function parse(text: string): ProductListQuery {
  return productListQuerySchema.parse(Object.fromEntries(new URLSearchParams(text)))
}

async function serverSide(handles: Record<Side, DatabaseHandle>, queries: Query[], warm: Query[]) {
  for (const query of warm) for (const side of ['before', 'after'] as const) await LISTERS[side](handles[side].db, parse(query.text))
  const answers: Record<Side, Map<string, string>> = { before: new Map(), after: new Map() }
  const measured = await alternate(queries, SERVER_SIDE_RUNS, async (side, query) => {
    const parsed = parse(query.text)
    const t0 = performance.now()
    const page = await LISTERS[side](handles[side].db, parsed)
    const elapsed = performance.now() - t0
    answers[side].set(query.text, answerKey(page))
    return elapsed
  })
  const differing = queries.filter(q => answers.before.get(q.text) !== answers.after.get(q.text)).map(q => q.text)
  return { measured, differing }
}

async function overHttp(servers: Record<Side, StartedServer>, queries: Query[], warm: Query[]) {
  const get = async (side: Side, text: string) => {
    const res = await fetch(`${servers[side].url}/api/v1/products?${text}`)
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`${side}: ${text} answered ${res.status}`)
  }
  for (const query of warm) for (const side of ['before', 'after'] as const) await get(side, query.text)
  // Once each: a repeated request could be answered by a response cache.
  return alternate(queries, 1, async (side, query) => {
    const t0 = performance.now()
    await get(side, query.text)
    return performance.now() - t0
  })
}

interface Row {
  engine: Engine
  measured: 'server-side' | 'HTTP'
  group: Group | 'all'
  before: Summary
  after: Summary
}

function rowsOf(engine: Engine, measured: Row['measured'], { samples }: Measured): Row[] {
  const groups = Object.keys(GROUPS) as Group[]
  const rows: Row[] = groups.map(group => ({ engine, measured, group, before: summary(samples[group].before), after: summary(samples[group].after) }))
  rows.push({
    engine,
    measured,
    group: 'all',
    before: summary(groups.flatMap(g => samples[g].before)),
    after: summary(groups.flatMap(g => samples[g].after)),
  })
  return rows
}

async function measureEngine(context: BenchContext, engine: Engine, bulk: number, queries: Query[], warm: Query[], notes: string[]) {
  const log = (text: string) => console.log(`[search] ${engine}: ${text}`)
  const names: Record<Side, string> = { before: '', after: '' }
  const dirs: Record<Side, string> = { before: '', after: '' }
  const urls: Record<Side, string> = { before: '', after: '' }
  const open = (side: Side) => engine === 'postgres' ? openDatabase({ url: urls[side] }) : openDatabase({ dataDir: dirs[side] })
  for (const side of SIDES) {
    if (engine === 'postgres') {
      names[side] = `tradein_bench_search_${side}_${process.pid}`
      urls[side] = await createDatabase(context.postgresAdminUrl!, names[side])
    }
    else {
      dirs[side] = mkdtempSync(join(tmpdir(), `bench-search-${side}-`))
    }
  }
  const rows: Row[] = []
  let differing: string[] = []
  const loads = {} as Record<Side, Load>
  const perQuery: Partial<Record<Row['measured'], Measured['perQuery']>> = {}
  try {
    const handles = {} as Record<Side, DatabaseHandle>
    for (const side of SIDES) {
      log(`loading ${bulk.toLocaleString('en')} products (${side})…`)
      handles[side] = await open(side)
      loads[side] = await fill(handles[side], side, bulk)
    }
    log(`server-side, ${queries.length} queries × 2…`)
    const inProcess = await serverSide(handles, queries, warm)
    differing = inProcess.differing
    rows.push(...rowsOf(engine, 'server-side', inProcess.measured))
    perQuery['server-side'] = inProcess.measured.perQuery
    // PGlite has no cross-process lock: the servers get the data directories only once this process let go.
    for (const side of SIDES) await handles[side].close()

    if (!context.baselineOutput) {
      notes.push('No baseline build: HTTP not measured.')
      return { rows, differing, loads, perQuery }
    }
    const outputs: Record<Side, string> = { before: context.baselineOutput, after: context.currentOutput }
    const servers = {} as Record<Side, StartedServer>
    try {
      for (const side of SIDES) {
        const env: Record<string, string> = { DEMO_DATA: '0', ...(engine === 'postgres' ? { DATABASE_URL: urls[side] } : { PGLITE_DATA_DIR: dirs[side] }) }
        servers[side] = await startBuiltServer({ label: `bench-search-${side}`, env, database: 'given', outputDir: outputs[side], runtime: side === 'before' ? context.baselineRuntime : undefined })
      }
      log(`HTTP, ${queries.length} queries × 2…`)
      const http = await overHttp(servers, queries, warm)
      rows.push(...rowsOf(engine, 'HTTP', http))
      perQuery.HTTP = http.perQuery
    }
    finally {
      for (const side of SIDES) await servers[side]?.stop()
    }
    return { rows, differing, loads, perQuery }
  }
  finally {
    for (const side of SIDES) {
      if (engine === 'postgres') await dropDatabase(context.postgresAdminUrl!, names[side])
      else rmSync(dirs[side], { recursive: true, force: true })
    }
  }
}

export async function run(context: BenchContext): Promise<BenchSection> {
  const bulk = Number(process.env.BENCH_PRODUCTS ?? (context.quick ? 20_000 : 100_000))
  const perGroup = Number(process.env.BENCH_SEARCH_QUERIES ?? (context.quick ? 40 : 150))
  const all = searchQueries(perGroup + 10, bulk)
  // The first ten of each group warm both sides up (JIT, plan caches, shared buffers) and are not counted.
  const warm: Query[] = []
  const queries: Query[] = []
  const taken: Record<Group, number> = { mix: 0, brand2: 0, browse: 0 }
  for (const query of all) {
    if (taken[query.group]++ < 10) warm.push(query)
    else queries.push(query)
  }
  const notes: string[] = []
  const loadStart = loadavg()[0]!
  const engines: Engine[] = context.postgresAdminUrl ? ['postgres', 'pglite'] : ['pglite']
  if (!context.postgresAdminUrl) notes.push('PostgreSQL not reachable: PGlite only.')
  const rows: Row[] = []
  const differing: Record<string, string[]> = {}
  const loads: Record<string, Record<Side, Load>> = {}
  const perQuery: Record<string, unknown> = {}
  for (const engine of engines) {
    const result = await measureEngine(context, engine, bulk, queries, warm, notes)
    rows.push(...result.rows)
    differing[engine] = result.differing
    loads[engine] = result.loads
    perQuery[engine] = result.perQuery
  }

  const engineName = (e: Engine) => (e === 'postgres' ? 'PostgreSQL' : 'PGlite')
  const markdown = [
    `${queries.length} distinct catalogue searches (${perGroup} per group) at ${bulk.toLocaleString('en')} products plus the demo catalogue, `
    + `one at a time; before = ${context.baselineCommit ?? '7f8eb6b'} (code and schema), after = this checkout. `
    + `Server-side is the service call in the benchmark process (the time the server spends), each query ${SERVER_SIDE_RUNS} times per side, counted with its median; `
    + 'HTTP is one request per query to each build (the baseline build, this build), each on its own copy of the data. '
    + `Before and after take turns on every query. Ratio: before ÷ after (above 1 is faster now). Load average (1 min) at start ${loadStart.toFixed(1)}, at end ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`,
    '',
    table(
      ['engine', 'measured', 'queries', 'before p50', 'before p95', 'before p99', 'after p50', 'after p95', 'after p99', 'p50 ratio', 'p95 ratio', 'p99 ratio'],
      rows.map(r => [
        engineName(r.engine),
        r.measured,
        r.group === 'all' ? `**all (${r.after.n})**` : `${GROUPS[r.group]} (${r.after.n})`,
        ms(r.before.p50),
        ms(r.before.p95),
        ms(r.before.p99),
        ms(r.after.p50),
        ms(r.after.p95),
        ms(r.after.p99),
        ratio(r.before.p50 / r.after.p50),
        ratio(r.before.p95 / r.after.p95),
        ratio(r.before.p99 / r.after.p99),
      ]),
    ),
    '',
    'What the indexes cost: inserting the bulk products (2,000 per statement, as an import does) and the size of the products table with its indexes.',
    '',
    table(['engine', 'insert before', 'insert after', 'table before', 'table after'], engines.map(e => [
      engineName(e),
      `${loads[e]!.before.insertSeconds.toFixed(1)} s`,
      `${loads[e]!.after.insertSeconds.toFixed(1)} s`,
      `${loads[e]!.before.tableMiB.toFixed(0)} MiB`,
      `${loads[e]!.after.tableMiB.toFixed(0)} MiB`,
    ])),
    '',
    ...engines.map(e => differing[e]!.length === 0
      ? `${engineName(e)}: before and after gave the same items in the same order and the same total for all ${queries.length} queries.`
      : `${engineName(e)}: **${differing[e]!.length} queries answered differently**: ${differing[e]!.slice(0, 5).map(t => `\`${t}\``).join(', ')}`),
    ...notes.map(n => `\n${n}`),
  ].join('\n')
  return {
    id: 'search',
    title: 'Catalogue search at 100,000 products',
    markdown,
    results: { bulk, perGroup, serverSideRuns: SERVER_SIDE_RUNS, loadAverage: { start: loadStart, end: loadavg()[0] }, loads, rows, differing, notes, perQuery },
  }
}

/** Standalone: this checkout's build (rebuilt when a source is newer), the baseline build where one exists. */
async function standaloneContext(): Promise<BenchContext> {
  const currentOutput = join(root, '.output')
  const builtAt = existsSync(join(currentOutput, 'nitro.json')) ? statSync(join(currentOutput, 'nitro.json')).mtimeMs : 0
  if (Math.max(...['app', 'server', 'shared', 'nuxt.config.ts'].map(p => newestMtime(join(root, p)))) > builtAt) {
    console.log('[search] building this checkout…')
    const build = spawnSync('npx', ['nuxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
    if (build.status !== 0) throw new Error('nuxt build failed')
  }
  const baselineOutput = [process.env.BENCH_BASELINE_OUTPUT, join(root, 'bench/.cache/baseline-7f8eb6b/.output'), '/tmp/base/output']
    .find(dir => dir && existsSync(join(dir, 'server/index.mjs')))
  const adminUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres'
  const client = postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} })
  const reachable = await client`select 1`.then(() => true, () => false)
  await client.end({ timeout: 2 })
  return {
    root,
    currentOutput,
    baselineOutput,
    baselineCommit: baselineOutput ? '7f8eb6b' : undefined,
    postgresAdminUrl: reachable ? adminUrl : undefined,
    quick: process.env.BENCH_QUICK === '1',
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await run(await standaloneContext())
  writeResults(section)
  console.log(`\n## ${section.title}\n\n${section.markdown}\n`)
}
