/**
 * Pages: how many requests a second the public pages get served, side by side in one run.
 *  - current build, page cache on (its default), against the same server's static file (/favicon.svg):
 *    the target is a cached page at least as fast as the static file;
 *  - current build with PAGE_CACHE=off (every request rendered; API caches stay on) against the baseline
 *    build (no page cache): the target is at least 10× the baseline's render rate;
 *  - an empty Nuxt app built in this run: its page render and static rates are the framework's ceiling.
 * Runs are interleaved (static, page, uncached page, baseline page, next page…) for several rounds and the
 * medians reported, so drift on the machine touches every column alike. Also: each page's HTML size.
 */
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { startBuiltServer } from '../test/support/server'
import { ensureBareNuxt } from './bare'
import { isMain, runStandalone } from './context'
import { ratio, table, type BenchContext, type BenchSection, type BenchTarget } from './lib'
import { median, settle, wrk, type WrkRun } from './load'
import { kib, publicPages, rate, rawGet, startBenchServer, type Engine, type PublicPage } from './servers'

const STATIC_PATH = '/favicon.svg'
const MAIN_PAGES = ['home', 'event', 'catalogue', 'merchants']
/**
 * Render runs use fewer connections: a render is CPU-bound on one thread, so 8 in flight saturate it as
 * well as 64, and leave less queued work behind when wrk stops (the server renders it all the same, and
 * the next run waits for that).
 */
const RENDER_CONNECTIONS = 8

interface Target { key: string, url: string, pid: number }

interface PageFigures {
  name: string
  path: string
  staticRps: number
  cachedRps: number
  uncachedRps: number
  baselineRps: number
  /** Server CPU milliseconds per rendered page (medians). */
  uncachedCpuMs: number
  baselineCpuMs: number
}

interface HtmlSize { build: string, name: string, path: string, status: number, rawBytes: number, gzipBytes: number, brotliBytes: number, sentBytes: number, sentEncoding: string }

async function htmlSize(build: string, baseUrl: string, page: PublicPage): Promise<HtmlSize> {
  const plain = await rawGet(`${baseUrl}${page.path}`)
  const sent = await rawGet(`${baseUrl}${page.path}`, { 'accept-encoding': 'br, gzip' })
  return {
    build,
    name: page.name,
    path: page.path,
    status: plain.status,
    rawBytes: plain.body.length,
    gzipBytes: gzipSync(plain.body, { level: 9 }).length,
    brotliBytes: brotliCompressSync(plain.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    sentBytes: sent.body.length,
    sentEncoding: String(sent.headers['content-encoding'] ?? 'identity'),
  }
}

/** Each page requested a few times before measuring: fills the caches, warms the JIT, checks it answers 200. */
async function warm(server: { url: string }, pages: PublicPage[]): Promise<void> {
  for (const page of pages) {
    for (let i = 0; i < 3; i++) {
      const res = await rawGet(`${server.url}${page.path}`)
      if (res.status !== 200) throw new Error(`${server.url}${page.path} answered ${res.status}`)
    }
  }
}

export async function run(context: BenchContext): Promise<BenchSection> {
  const rounds = context.quick ? 1 : 3
  const fastSeconds = 2
  const renderSeconds = 2
  const notes: string[] = []
  const runs: Array<WrkRun & { key: string, round: number, engine: Engine }> = []
  const bare = ensureBareNuxt()
  const onePage = ensureBareNuxt('page')

  const servers: Array<{ stop(): Promise<void> }> = []
  const stopAll = async () => {
    await Promise.all(servers.splice(0).map(s => s.stop()))
  }

  const measure = async (engine: Engine, round: number, target: Target, seconds: number, connections = 64) => {
    const result = await wrk(target.url, { seconds, connections, serverPid: target.pid })
    if (result.non2xx || result.socketErrors) notes.push(`${engine} round ${round} ${target.key}: ${result.non2xx} non-2xx responses, ${result.socketErrors} socket errors`)
    runs.push({ ...result, key: target.key, round, engine })
    return result
  }

  /** One pass over the given pages on one engine: `rounds` interleaved rounds, medians per column. */
  const pass = async (engine: Engine, passRounds: number, pageFilter: (p: PublicPage) => boolean, withBare: boolean) => {
    const current = await startBenchServer(context, { label: 'pages_current', outputDir: context.currentOutput, engine })
    servers.push(current)
    const uncached = await startBenchServer(context, { label: 'pages_uncached', outputDir: context.currentOutput, engine, env: { PAGE_CACHE: 'off' } })
    servers.push(uncached)
    const baseline = context.baselineOutput ? await startBenchServer(context, { label: 'pages_baseline', outputDir: context.baselineOutput, engine, runtime: context.baselineRuntime }) : undefined
    if (baseline) servers.push(baseline)
    for (const s of [current, uncached, baseline]) notes.push(...(s?.notes ?? []).map(n => `${s!.label}: ${n}`))
    const bareServer = withBare ? await startBuiltServer({ label: 'pages_bare', outputDir: bare.outputDir, database: 'given' }) : undefined
    if (bareServer) servers.push(bareServer)
    const onePageServer = withBare ? await startBuiltServer({ label: 'pages_bare_page', outputDir: onePage.outputDir, database: 'given' }) : undefined
    if (onePageServer) servers.push(onePageServer)

    const pages = (await publicPages(current.url)).filter(pageFilter)
    const uncachedPages = (await publicPages(uncached.url)).filter(pageFilter)
    const baselinePages = baseline ? (await publicPages(baseline.url)).filter(pageFilter) : []
    await warm(current, pages)
    await warm(uncached, uncachedPages)
    if (baseline) await warm(baseline, baselinePages)
    if (bareServer) await warm(bareServer, [{ name: 'bare', path: '/' }])
    if (onePageServer) await warm(onePageServer, [{ name: 'bare page', path: '/' }])
    const sizes: HtmlSize[] = []
    if (engine === 'postgres') {
      for (const page of pages) sizes.push(await htmlSize('current', current.url, page))
      for (const page of baselinePages) sizes.push(await htmlSize('baseline', baseline!.url, page))
      if (bareServer) sizes.push(await htmlSize('empty Nuxt app', bareServer.url, { name: 'bare', path: '/' }))
    }
    // A short run on each server first, so the first measured run does not pay for the JIT.
    for (const [s, path] of [[current, '/'], [uncached, '/'], [baseline, '/'], [bareServer, '/'], [onePageServer, '/']] as const) {
      if (s?.pid) await wrk(`${s.url}${path}`, { seconds: 1, serverPid: s.pid })
    }

    const perRound = pages.map(() => ({ static: [] as WrkRun[], cached: [] as WrkRun[], uncached: [] as WrkRun[], baseline: [] as WrkRun[] }))
    const bareRuns = { page: [] as WrkRun[], static: [] as WrkRun[], onePage: [] as WrkRun[] }
    const baselineStatic: WrkRun[] = []
    for (let round = 1; round <= passRounds; round++) {
      console.log(`[bench] pages: ${engine}, round ${round} of ${passRounds}`)
      if (bareServer?.pid) {
        bareRuns.static.push(await measure(engine, round, { key: 'bare static', url: `${bareServer.url}${STATIC_PATH}`, pid: bareServer.pid }, fastSeconds))
        bareRuns.page.push(await measure(engine, round, { key: 'bare page', url: `${bareServer.url}/`, pid: bareServer.pid }, fastSeconds))
      }
      if (onePageServer?.pid) {
        bareRuns.onePage.push(await measure(engine, round, { key: 'bare one-page app', url: `${onePageServer.url}/`, pid: onePageServer.pid }, renderSeconds, RENDER_CONNECTIONS))
      }
      if (baseline) baselineStatic.push(await measure(engine, round, { key: 'baseline static', url: `${baseline.url}${STATIC_PATH}`, pid: baseline.pid }, fastSeconds))
      for (const [i, page] of pages.entries()) {
        const r = perRound[i]!
        r.static.push(await measure(engine, round, { key: 'current static', url: `${current.url}${STATIC_PATH}`, pid: current.pid }, fastSeconds))
        r.cached.push(await measure(engine, round, { key: `current ${page.name}`, url: `${current.url}${page.path}`, pid: current.pid }, fastSeconds))
        const renderUncached = async () => {
          r.uncached.push(await measure(engine, round, { key: `uncached ${page.name}`, url: `${uncached.url}${uncachedPages[i]!.path}`, pid: uncached.pid }, renderSeconds, RENDER_CONNECTIONS))
        }
        const renderBaseline = async () => {
          if (baseline) r.baseline.push(await measure(engine, round, { key: `baseline ${page.name}`, url: `${baseline.url}${baselinePages[i]!.path}`, pid: baseline.pid }, renderSeconds, RENDER_CONNECTIONS))
        }
        // The two render runs swap places every round, so neither always runs right after the cached page.
        for (const render of round % 2 ? [renderUncached, renderBaseline] : [renderBaseline, renderUncached]) await render()
      }
    }
    const rps = (list: WrkRun[]) => median(list.map(x => x.rps))
    const cpuMs = (list: WrkRun[]) => median(list.map(x => x.serverCpuMsPerRequest))
    const figures: PageFigures[] = pages.map((p, i) => {
      const r = perRound[i]!
      return { name: p.name, path: p.path, staticRps: rps(r.static), cachedRps: rps(r.cached), uncachedRps: rps(r.uncached), baselineRps: rps(r.baseline), uncachedCpuMs: cpuMs(r.uncached), baselineCpuMs: cpuMs(r.baseline) }
    })
    for (const s of [current, uncached, baseline]) if (s) await settle(s.pid)
    await stopAll()
    return {
      figures,
      sizes,
      bare: { pageRps: rps(bareRuns.page), staticRps: rps(bareRuns.static), pageCpuMs: cpuMs(bareRuns.page), onePageRps: rps(bareRuns.onePage), onePageCpuMs: cpuMs(bareRuns.onePage) },
      baselineStaticRps: rps(baselineStatic),
    }
  }

  try {
    // Quick: the main pages and the English home page only.
    const pg = await pass('postgres', rounds, p => !context.quick || MAIN_PAGES.includes(p.name) || p.name === 'en home', true)
    const lite = await pass('pglite', 1, p => context.quick ? p.name === 'home' : MAIN_PAGES.includes(p.name), false)
    return report(context, { rounds, fastSeconds, renderSeconds, bareNuxt: bare, pg, lite, runs, notes })
  }
  finally {
    await stopAll()
  }
}

type Pass = { figures: PageFigures[], sizes: HtmlSize[], bare: { pageRps: number, staticRps: number, pageCpuMs: number, onePageRps: number, onePageCpuMs: number }, baselineStaticRps: number }

function report(context: BenchContext, data: { rounds: number, fastSeconds: number, renderSeconds: number, bareNuxt: { nuxtVersion: string, buildSeconds: number }, pg: Pass, lite?: Pass, runs: Array<WrkRun & { key: string, engine: Engine }>, notes: string[] }): BenchSection {
  const { pg, lite } = data
  const hasBaseline = Boolean(context.baselineOutput)
  const cpu = (msPerRequest: number) => Number.isFinite(msPerRequest) ? `${msPerRequest.toFixed(msPerRequest < 10 ? 1 : 0)} ms` : '–'
  const sizeOf = (build: string, name: string) => pg.sizes.find(s => s.build === build && s.name === name)
  const rows = pg.figures.map(f => [
    f.name,
    `\`${f.path.replace(/[0-9a-f-]{36}/, '<id>')}\``,
    rate(f.staticRps),
    rate(f.cachedRps),
    ratio(f.cachedRps / f.staticRps),
    rate(f.uncachedRps),
    hasBaseline ? rate(f.baselineRps) : '–',
    hasBaseline ? ratio(f.uncachedRps / f.baselineRps) : '–',
    `${cpu(f.uncachedCpuMs)} / ${hasBaseline ? cpu(f.baselineCpuMs) : '–'}`,
  ])
  const sizeRows = pg.figures.map((f) => {
    const cur = sizeOf('current', f.name)
    const base = sizeOf('baseline', f.name)
    return [f.name, cur ? kib(cur.rawBytes) : '–', cur ? kib(cur.gzipBytes) : '–', cur ? `${kib(cur.sentBytes)} (${cur.sentEncoding})` : '–', base ? kib(base.rawBytes) : '–', base ? kib(base.gzipBytes) : '–', base ? `${kib(base.sentBytes)} (${base.sentEncoding})` : '–']
  })
  const bareSize = sizeOf('empty Nuxt app', 'bare')
  if (bareSize) sizeRows.push(['empty Nuxt app', kib(bareSize.rawBytes), kib(bareSize.gzipBytes), `${kib(bareSize.sentBytes)} (${bareSize.sentEncoding})`, '', '', ''])

  const worst = (values: Array<{ name: string, value: number }>) => values.reduce((a, b) => (Number.isNaN(b.value) || b.value < a.value ? b : a), values[0]!)
  const cachedVsStatic = worst(pg.figures.map(f => ({ name: f.name, value: f.cachedRps / f.staticRps })))
  const uncachedVsBaseline = worst(pg.figures.map(f => ({ name: f.name, value: f.uncachedRps / f.baselineRps })))
  const targets: BenchTarget[] = [
    {
      figure: 'cached page vs the same server\'s static file, req/s (every public page, zh and en)',
      target: '≥ 1.0×',
      measured: `worst: ${cachedVsStatic.name} ${ratio(cachedVsStatic.value)}`,
      pass: Number.isFinite(cachedVsStatic.value) ? pg.figures.every(f => f.cachedRps >= f.staticRps) : null,
    },
    {
      figure: 'uncached render (PAGE_CACHE=off) vs the baseline build, req/s (every public page)',
      target: '≥ 10×',
      measured: hasBaseline ? `worst: ${uncachedVsBaseline.name} ${ratio(uncachedVsBaseline.value)}` : 'no baseline build',
      pass: hasBaseline && Number.isFinite(uncachedVsBaseline.value) ? pg.figures.every(f => f.uncachedRps >= 10 * f.baselineRps) : null,
    },
  ]

  const cores = (filter: (r: WrkRun & { key: string }) => boolean) => {
    const picked = data.runs.filter(filter)
    return `server ${median(picked.map(r => r.serverCores)).toFixed(2)}, wrk ${median(picked.map(r => r.generatorCores)).toFixed(2)}`
  }
  const md: string[] = []
  md.push(`Requests per second, \`wrk -t2\` on one URL at a time: static and cached-page runs ${data.fastSeconds} s with 64 connections, render runs (uncached, baseline) ${data.renderSeconds} s with ${RENDER_CONNECTIONS} connections, `
    + `${data.rounds} interleaved round${data.rounds > 1 ? 's' : ''} (static, cached page, uncached page, baseline page, then the next page; the two renders swap places every other round), medians. `
    + 'PostgreSQL with the demo data. "static" is `/favicon.svg` from the same server as the cached page, measured just before it. '
    + '"uncached" is the current build started with `PAGE_CACHE=off` (every page request rendered, API caches on); '
    + `"baseline" is ${context.baselineCommit ?? 'the baseline'}'s build, which has no page cache.`)
  md.push('')
  md.push(table(['page', 'path', 'static', 'cached page', 'cached / static', 'uncached render', 'baseline render', 'uncached / baseline', 'server CPU per render, uncached / baseline'], rows))
  md.push('')
  md.push('The last column is the server process\'s CPU time during a render run divided by the pages it completed (medians): '
    + 'what one render costs, less sensitive than req/s to other work on the machine (slightly high when few pages complete, '
    + `as the ${RENDER_CONNECTIONS} still in flight at the end count too).`)
  md.push('')
  md.push(`Empty Nuxt ${data.bareNuxt.nuxtVersion} app built in this run (${data.bareNuxt.buildSeconds.toFixed(0)} s to build): page render **${rate(pg.bare.pageRps)}** req/s (${cpu(pg.bare.pageCpuMs)} of server CPU per render), static file **${rate(pg.bare.staticRps)}** req/s. `
    + `Baseline build's static file: ${rate(pg.baselineStaticRps)} req/s.`)
  if (Number.isFinite(pg.bare.onePageRps)) {
    md.push('')
    md.push(`The same empty app with one page in pages/ (\`<NuxtPage />\`, so Nuxt creates its router for every request, as in any app with pages), rendered like the uncached pages (${RENDER_CONNECTIONS} connections): `
      + `**${rate(pg.bare.onePageRps)}** req/s (${cpu(pg.bare.onePageCpuMs)} of server CPU per render): the most any page of an app with pages can render here. `
      + `Ten times the baseline's render rate, against it: ${pg.figures.map(f => `${f.name} ${rate(10 * f.baselineRps)} req/s = ${ratio(10 * f.baselineRps / pg.bare.onePageRps)}`).join(', ')} of the one-page app's rate.`)
  }
  md.push('')
  md.push('A page with no cache shows a "cached page" rate near 0 when it renders slower than about 32 a second: '
    + 'Node renders the 64 concurrent requests interleaved, so they all finish late, many after the 2 s window.')
  md.push('')
  md.push(`CPU cores used (medians; 2 cores in all): static runs ${cores(r => r.key.endsWith('static'))}; page runs ${cores(r => /^(current|uncached|baseline) /.test(r.key) && !r.key.endsWith('static'))}. `
    + 'A server near 1.0 is the bottleneck (Node serves requests on one thread); wrk well below 1.0 is not.')
  md.push('')
  if (lite) {
    md.push(`The same on PGlite (embedded database), ${context.quick ? 'the home page' : 'the main pages'}, one round:`)
    md.push('')
    md.push(table(['page', 'static', 'cached page', 'cached / static', 'uncached render', 'baseline render', 'uncached / baseline'], lite.figures.map(f => [
      f.name, rate(f.staticRps), rate(f.cachedRps), ratio(f.cachedRps / f.staticRps), rate(f.uncachedRps), hasBaseline ? rate(f.baselineRps) : '–', hasBaseline ? ratio(f.uncachedRps / f.baselineRps) : '–',
    ])))
    md.push('')
  }
  md.push('HTML size of each page: as rendered, gzipped (level 9, for reference), and as sent to a client that sends `Accept-Encoding: br, gzip`.')
  md.push('')
  md.push(table(['page', 'current', 'current gzip', 'current as sent', 'baseline', 'baseline gzip', 'baseline as sent'], sizeRows))
  if (data.notes.length) {
    md.push('')
    md.push('Notes:')
    for (const n of [...new Set(data.notes)]) md.push(`- ${n}`)
  }
  return {
    id: 'pages',
    title: 'Pages: cached, uncached and static throughput',
    markdown: md.join('\n'),
    targets,
    results: { settings: { rounds: data.rounds, fastSeconds: data.fastSeconds, renderSeconds: data.renderSeconds, connections: 64, renderConnections: RENDER_CONNECTIONS, threads: 2 }, bareNuxt: data.bareNuxt, postgres: pg, pglite: lite ?? null, runs: data.runs, notes: data.notes },
  }
}

if (isMain(import.meta.url)) await runStandalone(run)
