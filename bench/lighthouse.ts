/**
 * Lighthouse 12, mobile (its default form factor and simulated throttling), in Debian's Chromium against
 * the production builds: performance, LCP, TBT and accessibility of the home, event, catalogue and
 * merchants pages, current vs baseline, each run 3 times (interleaved) and the median kept.
 * Targets: performance ≥ 95, LCP ≤ 2.5 s, TBT ≤ 200 ms, accessibility 100.
 */
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { isMain, runStandalone } from './context'
import { table, type BenchContext, type BenchSection, type BenchTarget } from './lib'
import { median } from './load'
import { rawGet, startBenchServer, type BenchServer } from './servers'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  // The portal sends a browser asking for English to /en; a resident's phone asks for Chinese.
  '--lang=zh-CN', '--accept-lang=zh-CN',
]
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'event', path: '/events/appliance-2026' },
  { name: 'catalogue', path: '/catalogue' },
  { name: 'merchants', path: '/merchants' },
]
const TARGET = { performance: 95, lcpMs: 2500, tbtMs: 200, accessibility: 100 }

interface LighthouseRun {
  build: string
  page: string
  url: string
  finalUrl: string
  performance: number
  accessibility: number
  lcpMs: number
  tbtMs: number
  fcpMs: number
  cls: number
  speedIndexMs: number
  /** Accessibility audits that failed, by id. */
  accessibilityFailures: string[]
  runtimeError?: string
  warnings: string[]
  lighthouseVersion: string
  browser: string
  /** Lighthouse's own measure of how fast the machine was during the run (higher is faster). */
  benchmarkIndex: number
  seconds: number
}

async function lighthouseRun(build: string, page: string, url: string): Promise<LighthouseRun> {
  const started = performance.now()
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { lhr } = result
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
    const score = (id: string) => {
      const value = lhr.categories[id]?.score
      return typeof value === 'number' ? Math.round(value * 100) : Number.NaN
    }
    const a11yFailures = (lhr.categories.accessibility?.auditRefs ?? [])
      .filter(ref => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
      .map(ref => ref.id)
    return {
      build,
      page,
      url,
      finalUrl: lhr.finalDisplayedUrl,
      performance: score('performance'),
      accessibility: score('accessibility'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      fcpMs: audit('first-contentful-paint'),
      cls: audit('cumulative-layout-shift'),
      speedIndexMs: audit('speed-index'),
      accessibilityFailures: a11yFailures,
      runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : undefined,
      warnings: lhr.runWarnings,
      lighthouseVersion: lhr.lighthouseVersion,
      browser: /(?:HeadlessChrome|Chrome)\/[\d.]+/.exec(lhr.environment.hostUserAgent)?.[0] ?? lhr.environment.hostUserAgent,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      seconds: (performance.now() - started) / 1000,
    }
  }
  finally {
    chrome.kill()
  }
}

interface PageMedians { build: string, page: string, performance: number, accessibility: number, lcpMs: number, tbtMs: number, fcpMs: number, runs: number }

export async function run(context: BenchContext): Promise<BenchSection> {
  const repeats = context.quick ? 1 : 3
  const builds: Array<{ build: string, server: BenchServer }> = []
  const notes: string[] = []
  const runs: LighthouseRun[] = []
  try {
    builds.push({ build: 'current', server: await startBenchServer(context, { label: 'lh_current', outputDir: context.currentOutput }) })
    if (context.baselineOutput) builds.push({ build: 'baseline', server: await startBenchServer(context, { label: 'lh_baseline', outputDir: context.baselineOutput, runtime: context.baselineRuntime }) })
    for (const { build, server } of builds) {
      notes.push(...server.notes.map(n => `${build}: ${n}`))
      // Warm: what a visitor meets on a running site (caches filled, code compiled).
      for (const page of PAGES) {
        for (let i = 0; i < 2; i++) await rawGet(`${server.url}${page.path}`, { 'accept-language': 'zh-CN' })
      }
    }
    for (let i = 1; i <= repeats; i++) {
      for (const page of PAGES) {
        for (const { build, server } of builds) {
          console.log(`[bench] lighthouse: ${build} ${page.name}, run ${i} of ${repeats}`)
          const result = await lighthouseRun(build, page.name, `${server.url}${page.path}`)
          if (result.runtimeError) notes.push(`${build} ${page.name} run ${i}: ${result.runtimeError}`)
          if (new URL(result.finalUrl).pathname !== page.path) notes.push(`${build} ${page.name} run ${i}: ended on ${result.finalUrl}`)
          runs.push(result)
        }
      }
    }
  }
  finally {
    for (const { server } of builds) await server.stop()
  }

  const medians: PageMedians[] = []
  for (const { build } of builds) {
    for (const page of PAGES) {
      const mine = runs.filter(r => r.build === build && r.page === page.name && !r.runtimeError)
      medians.push({
        build,
        page: page.name,
        performance: median(mine.map(r => r.performance)),
        accessibility: median(mine.map(r => r.accessibility)),
        lcpMs: median(mine.map(r => r.lcpMs)),
        tbtMs: median(mine.map(r => r.tbtMs)),
        fcpMs: median(mine.map(r => r.fcpMs)),
        runs: mine.length,
      })
    }
  }
  return report(context, { repeats, runs, medians, notes })
}

function report(context: BenchContext, data: { repeats: number, runs: LighthouseRun[], medians: PageMedians[], notes: string[] }): BenchSection {
  const current = data.medians.filter(m => m.build === 'current')
  const byPage = (build: string, page: string) => data.medians.find(m => m.build === build && m.page === page)
  const s = (ms: number) => Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–'
  const n = (v: number) => Number.isFinite(v) ? String(Math.round(v)) : '–'
  const measured = (values: PageMedians[], pick: (m: PageMedians) => number, format: (v: number) => string, worstIsLow: boolean) => {
    const worst = values.reduce((a, b) => ((worstIsLow ? pick(b) < pick(a) : pick(b) > pick(a)) ? b : a), values[0]!)
    return `worst: ${worst.page} ${format(pick(worst))}`
  }
  const all = (pass: (m: PageMedians) => boolean) => current.every(m => m.runs > 0) ? current.every(pass) : null
  const targets: BenchTarget[] = [
    { figure: `Lighthouse mobile performance (home, event, catalogue, merchants; median of ${data.repeats})`, target: `≥ ${TARGET.performance}`, measured: measured(current, m => m.performance, n, true), pass: all(m => m.performance >= TARGET.performance) },
    { figure: 'Largest Contentful Paint, simulated mobile', target: '≤ 2.5 s', measured: measured(current, m => m.lcpMs, s, false), pass: all(m => m.lcpMs <= TARGET.lcpMs) },
    { figure: 'Total Blocking Time, simulated mobile', target: `≤ ${TARGET.tbtMs} ms`, measured: measured(current, m => m.tbtMs, v => `${n(v)} ms`, false), pass: all(m => m.tbtMs <= TARGET.tbtMs) },
    { figure: 'Lighthouse accessibility', target: `${TARGET.accessibility}`, measured: measured(current, m => m.accessibility, n, true), pass: all(m => m.accessibility >= TARGET.accessibility) },
  ]
  const rows = PAGES.map((page) => {
    const cur = byPage('current', page.name)!
    const base = byPage('baseline', page.name)
    const pair = (pick: (m: PageMedians) => number, format: (v: number) => string) => `${format(pick(cur))}${base ? ` / ${format(pick(base))}` : ''}`
    return [page.name, `\`${page.path}\``, pair(m => m.performance, n), pair(m => m.lcpMs, s), pair(m => m.tbtMs, v => `${n(v)} ms`), pair(m => m.fcpMs, s), pair(m => m.accessibility, n)]
  })
  const failures = [...new Set(data.runs.filter(r => r.build === 'current').flatMap(r => r.accessibilityFailures))]
  const sample = data.runs[0]
  const md: string[] = []
  md.push(`Lighthouse ${sample?.lighthouseVersion ?? ''} (mobile form factor, simulated throttling: its defaults) in ${CHROMIUM} (${sample?.browser ?? '?'}) with `
    + `\`${CHROME_FLAGS.join(' ')}\`, performance and accessibility categories, ${data.repeats} run${data.repeats > 1 ? 's' : ''} per page and build, interleaved; medians. `
    + `Each figure is current${context.baselineOutput ? ` / baseline (${context.baselineCommit})` : ''}. Servers on PostgreSQL with the demo data, warmed before the first run.`)
  md.push('')
  md.push(table(['page', 'path', 'performance', 'LCP', 'TBT', 'FCP', 'accessibility'], rows))
  md.push('')
  md.push(`Targets: performance ≥ ${TARGET.performance}, LCP ≤ 2.5 s, TBT ≤ ${TARGET.tbtMs} ms, accessibility ${TARGET.accessibility}. `
    + `Lighthouse's benchmark index of the machine during the runs (higher is faster; the CPU time it measures feeds TBT and the simulated LCP): `
    + `median ${Math.round(median(data.runs.map(r => r.benchmarkIndex)))}, from ${Math.round(Math.min(...data.runs.map(r => r.benchmarkIndex)))} to ${Math.round(Math.max(...data.runs.map(r => r.benchmarkIndex)))}.`)
  if (failures.length) md.push(`\nAccessibility audits failed on the current build: ${failures.map(f => `\`${f}\``).join(', ')}.`)
  if (data.notes.length) {
    md.push('')
    md.push('Notes:')
    for (const note of [...new Set(data.notes)]) md.push(`- ${note}`)
  }
  return { id: 'lighthouse', title: 'Lighthouse (mobile)', markdown: md.join('\n'), targets, results: { repeats: data.repeats, chromeFlags: CHROME_FLAGS, medians: data.medians, runs: data.runs, notes: data.notes } }
}

if (isMain(import.meta.url)) await runStandalone(run)
