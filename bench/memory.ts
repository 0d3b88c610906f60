/**
 * Memory, current vs baseline, each test on a fresh server (PostgreSQL, demo data):
 *  - a cache no one can fill: 100,000 requests with distinct junk query strings (API and pages) must grow
 *    the server's RSS by less than 10 % over its RSS after a warm-up;
 *  - no creep: RSS after 50,000 and after 100,000 mixed requests (pages, public API, static) differ by less
 *    than 10 %.
 * RSS is read from /proc/<pid>/status once the server is idle after each chunk of requests, and again after
 * a full garbage collection asked for over the inspector: the targets are judged on the second reading, what
 * the server keeps (the first also counts whatever garbage was waiting for the collector). A build too
 * slow to finish within the time budget (BENCH_MEMORY_SECONDS) is stopped there and reported as such; its
 * growth per 10,000 requests still compares.
 */
import { isMain, runStandalone } from './context'
import { table, type BenchContext, type BenchSection, type BenchTarget } from './lib'
import { freePort } from '../test/support/server'
import { openInspector } from './inspector'
import { countedLoad, settle, type CountedRun } from './load'
import { memoryOf, mib, pct, publicPages, rate, rawGet, startBenchServer } from './servers'
import { referencedAssets } from './weight'

interface Checkpoint {
  requests: number
  seconds: number
  /** RSS once the server is idle. */
  idleRss: number
  /** RSS after a full garbage collection: what the targets are judged on. */
  rss: number
  peak: number
}

interface MemoryRun {
  build: string
  test: 'junk' | 'mixed'
  planned: number
  completed: boolean
  budgetSeconds: number
  /** RSS once warmed up, before the measured requests. */
  start: Checkpoint
  checkpoints: Checkpoint[]
  statuses: Record<string, number>
  errors: number
  timeouts: number
  rps: number
  generatorCores: number
  serverCores: number
  notes: string[]
}

/** Distinct junk: every request a URL no cache has seen, on the API and on pages. */
export function junkPath(n: number): string {
  const kinds = [
    `/api/v1/openapi.json?x=${n}`,
    `/api/v1/products?junk=${n}`,
    `/api/v1/products?q=${n}`,
    `/api/v1/events?x=${n}`,
    `/?utm=${n}`,
    `/events/appliance-2026?x=${n}`,
  ]
  return kinds[n % kinds.length]!
}

async function mixedPaths(baseUrl: string): Promise<string[]> {
  const pages = await publicPages(baseUrl)
  const product = pages.find(p => p.name === 'product')!.path.split('/').pop()!
  const merchant = pages.find(p => p.name === 'merchant')!.path.split('/').pop()!
  const api = [
    '/api/v1/categories', '/api/v1/events', '/api/v1/events/appliance-2026', '/api/v1/products', '/api/v1/products?page=2',
    `/api/v1/products/${product}`, '/api/v1/merchants', `/api/v1/merchants/${merchant}`, '/api/v1/promotions', '/api/v1/stats',
  ]
  const home = await rawGet(`${baseUrl}/`)
  const assets = [...referencedAssets(home.body.toString()).keys()].slice(0, 5)
  return [...pages.map(p => p.path), ...api, '/favicon.svg', ...assets]
}

async function measure(context: BenchContext, build: string, outputDir: string, test: 'junk' | 'mixed', planned: number, budgetSeconds: number): Promise<MemoryRun> {
  const warmRequests = context.quick ? 2000 : 10_000
  const warmSeconds = context.quick ? 5 : 15
  const inspectPort = await freePort()
  const runtime = build === 'baseline' ? context.baselineRuntime : undefined
  const server = await startBenchServer(context, { label: `memory_${test}_${build}`, outputDir, runtime, extraNodeFlags: [`--inspect=127.0.0.1:${inspectPort}`] })
  const inspector = await openInspector(inspectPort)
  const reading = async (): Promise<Pick<Checkpoint, 'idleRss' | 'rss' | 'peak'>> => {
    await settle(server.pid)
    const idle = memoryOf(server.pid)
    await inspector.collectGarbage()
    await settle(server.pid)
    const collected = memoryOf(server.pid)
    return { idleRss: idle.rss, rss: collected.rss, peak: collected.peak }
  }
  try {
    const fixed = await mixedPaths(server.url)
    // Warm-up on the fixed URLs (caches filled, code compiled, pools open), then the starting RSS.
    let w = 0
    const warmUntil = performance.now() + warmSeconds * 1000
    while (w < warmRequests && performance.now() < warmUntil) {
      await countedLoad(server.url, { amount: fixed.length * 3, nextPath: () => fixed[w++ % fixed.length]!, serverPid: server.pid })
    }
    const start: Checkpoint = { requests: 0, seconds: 0, ...await reading() }
    let n = 0
    const nextPath = test === 'junk' ? () => junkPath(n++) : () => fixed[n++ % fixed.length]!
    const checkpoints: Checkpoint[] = []
    const statuses: Record<string, number> = {}
    let sent = 0
    let errors = 0
    let timeouts = 0
    let loadSeconds = 0
    let generatorCpu = 0
    let serverCpu = 0
    let chunk = Math.min(200, planned)
    const t0 = performance.now()
    const notes: string[] = []
    while (sent < planned) {
      const elapsed = (performance.now() - t0) / 1000
      if (elapsed >= budgetSeconds) {
        notes.push(`stopped after ${Math.round(elapsed)} s (budget ${budgetSeconds} s) at ${sent.toLocaleString('en')} of ${planned.toLocaleString('en')} requests`)
        break
      }
      // Chunks end on every 10,000 (a checkpoint) and are sized to take about 10 s, so the budget is kept.
      const boundary = (Math.floor(sent / 10_000) + 1) * 10_000
      const amount = Math.max(100, Math.min(chunk, boundary - sent, planned - sent))
      const result: CountedRun = await countedLoad(server.url, { amount, nextPath, serverPid: server.pid })
      sent += result.requests
      errors += result.errors
      timeouts += result.timeouts
      loadSeconds += result.seconds
      generatorCpu += result.generatorCores * result.seconds
      serverCpu += result.serverCores * result.seconds
      for (const [code, count] of Object.entries(result.statuses)) statuses[code] = (statuses[code] ?? 0) + count
      chunk = Math.max(100, Math.min(10_000, Math.round(result.rps * 10)))
      checkpoints.push({ requests: sent, seconds: (performance.now() - t0) / 1000, ...await reading() })
      if (result.requests === 0) {
        notes.push('the generator completed no request: stopped')
        break
      }
    }
    return {
      build,
      test,
      planned,
      completed: sent >= planned,
      budgetSeconds,
      start,
      checkpoints,
      statuses,
      errors,
      timeouts,
      rps: sent / (loadSeconds || 1),
      generatorCores: generatorCpu / (loadSeconds || 1),
      serverCores: serverCpu / (loadSeconds || 1),
      notes: [...server.notes, ...notes],
    }
  }
  finally {
    inspector.close()
    await server.stop()
  }
}

export async function run(context: BenchContext): Promise<BenchSection> {
  const planned = context.quick ? 20_000 : 100_000
  const budget = Number(process.env.BENCH_MEMORY_SECONDS ?? (context.quick ? 20 : 180))
  // The baseline only shows the "before"; a shorter budget keeps a slow build from eating the run.
  const baselineBudget = Math.min(budget, context.quick ? 20 : 60)
  const runs: MemoryRun[] = []
  for (const test of ['junk', 'mixed'] as const) {
    console.log(`[bench] memory: ${test}, current`)
    runs.push(await measure(context, 'current', context.currentOutput, test, planned, budget))
    if (context.baselineOutput) {
      console.log(`[bench] memory: ${test}, baseline`)
      runs.push(await measure(context, 'baseline', context.baselineOutput, test, planned, baselineBudget))
    }
  }
  return report(context, planned, runs)
}

/** The first checkpoint once `requests` were done (chunks end on every 10,000). */
function rssAt(run: MemoryRun, requests: number): Checkpoint | undefined {
  return run.checkpoints.find(c => c.requests >= requests)
}

function report(context: BenchContext, planned: number, runs: MemoryRun[]): BenchSection {
  const last = (r: MemoryRun) => r.checkpoints.at(-1) ?? r.start
  const growth = (r: MemoryRun) => (last(r).rss - r.start.rss) / r.start.rss
  const perTenThousand = (r: MemoryRun) => (last(r).rss - r.start.rss) / Math.max(1, last(r).requests) * 10_000
  const half = planned / 2
  const drift = (r: MemoryRun) => {
    const a = rssAt(r, half)
    const b = rssAt(r, planned)
    return a && b && r.completed ? (b.rss - a.rss) / a.rss : Number.NaN
  }
  const statusText = (r: MemoryRun) => Object.entries(r.statuses).map(([code, count]) => `${code}: ${count.toLocaleString('en')}`).join(', ') + (r.errors || r.timeouts ? `; errors ${r.errors}, timeouts ${r.timeouts}` : '')
  const junk = runs.filter(r => r.test === 'junk')
  const mixed = runs.filter(r => r.test === 'mixed')
  const junkCurrent = junk.find(r => r.build === 'current')!
  const mixedCurrent = mixed.find(r => r.build === 'current')!
  const plannedText = planned.toLocaleString('en')
  const targets: BenchTarget[] = [
    {
      figure: `RSS growth over ${plannedText} requests with distinct junk query strings`,
      target: '< 10 %',
      measured: junkCurrent.completed ? pct(growth(junkCurrent)) : `${pct(growth(junkCurrent))} after only ${last(junkCurrent).requests.toLocaleString('en')} requests (time budget)`,
      pass: junkCurrent.completed && growth(junkCurrent) < 0.1,
    },
    {
      figure: `RSS after ${(planned / 2).toLocaleString('en')} vs after ${plannedText} mixed requests`,
      target: '< 10 % apart',
      measured: mixedCurrent.completed ? pct(Math.abs(drift(mixedCurrent))) : `not reached: ${last(mixedCurrent).requests.toLocaleString('en')} requests in the time budget`,
      pass: mixedCurrent.completed && Math.abs(drift(mixedCurrent)) < 0.1,
    },
  ]
  const md: string[] = []
  md.push(`Each test on a fresh server (PostgreSQL, demo data), after a warm-up on the fixed URLs; autocannon, 32 connections, requests sent in chunks, RSS read from \`/proc/<pid>/status\` once the server is idle after each chunk, then again after a full garbage collection (asked for over the inspector, \`HeapProfiler.collectGarbage\`); the figures below are the second reading, what the server keeps, and the first is listed with each checkpoint. `
    + `Time budget per run: current ${junkCurrent.budgetSeconds} s, baseline ${junk.find(r => r.build === 'baseline')?.budgetSeconds ?? '–'} s; a run stopped by it shows how far it got.`)
  md.push('')
  md.push(`**Junk query strings** (${plannedText} distinct URLs, in turn: \`/api/v1/openapi.json?x=N\`, \`/api/v1/products?junk=N\`, \`/api/v1/products?q=N\`, \`/api/v1/events?x=N\`, \`/?utm=N\`, \`/events/appliance-2026?x=N\`):`)
  md.push('')
  md.push(table(['build', 'requests done', 'RSS after warm-up', 'RSS at the end', 'growth', 'growth per 10,000 requests (slope)', 'peak RSS', 'req/s', 'responses'], junk.map(r => [
    r.build, last(r).requests.toLocaleString('en'), mib(r.start.rss), mib(last(r).rss), `**${pct(growth(r))}**`, mib(perTenThousand(r)), mib(last(r).peak), rate(r.rps), statusText(r),
  ])))
  md.push('')
  md.push(`**Mixed load** (fixed URLs in turn: the ${14} public pages, 10 public API reads, \`/favicon.svg\` and the first 5 \`/_nuxt/*\` files of the home page):`)
  md.push('')
  md.push(table(['build', 'requests done', 'RSS after warm-up', `RSS at ${(planned / 2).toLocaleString('en')}`, `RSS at ${plannedText}`, `${(planned / 2).toLocaleString('en')} → ${plannedText}`, 'peak RSS', 'req/s', 'responses'], mixed.map((r) => {
    const a = rssAt(r, half)
    const b = rssAt(r, planned)
    return [r.build, last(r).requests.toLocaleString('en'), mib(r.start.rss), a ? mib(a.rss) : 'not reached', r.completed && b ? mib(b.rss) : 'not reached', Number.isFinite(drift(r)) ? `**${pct(drift(r))}**` : '–', mib(last(r).peak), rate(r.rps), statusText(r)]
  })))
  md.push('')
  md.push('RSS at each checkpoint (requests done → MiB after the collection, and as read once idle before it):')
  md.push('')
  for (const r of runs) md.push(`- ${r.test}, ${r.build}: ${[r.start, ...r.checkpoints].map(c => `${c.requests.toLocaleString('en')} → ${(c.rss / 2 ** 20).toFixed(0)} (idle ${(c.idleRss / 2 ** 20).toFixed(0)})`).join(', ')}`)
  md.push('')
  md.push(`Load generator CPU (cores, autocannon in the bench process): ${runs.map(r => `${r.test} ${r.build} ${r.generatorCores.toFixed(2)} (server ${r.serverCores.toFixed(2)})`).join('; ')}.`)
  const notes = runs.flatMap(r => r.notes.map(n => `${r.test}, ${r.build}: ${n}`))
  if (notes.length) {
    md.push('')
    md.push('Notes:')
    for (const n of notes) md.push(`- ${n}`)
  }
  return { id: 'memory', title: 'Memory: junk query strings and a long mixed load', markdown: md.join('\n'), targets, results: { planned, runs } }
}

if (isMain(import.meta.url)) await runStandalone(run)
