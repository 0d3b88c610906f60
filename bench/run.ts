/**
 * `npm run bench`: every figure of the speed work measured side by side in one run, this build against the
 * baseline commit's, written to bench/results/<id>.json and BENCHMARKS.md.
 *
 * Sections, in order: pages (throughput of cached and uncached pages vs a static file and an empty Nuxt app),
 * weight (compression, caching headers and JavaScript sent for the home page), lighthouse (mobile scores),
 * memory (junk query strings, RSS over a long mixed load), search, crowd. A section whose module does not
 * exist yet is skipped with a note; one that fails is reported and the run goes on.
 *
 * Knobs: BENCH_QUICK=1 (smaller counts), BENCH_ONLY=pages,weight (only these), BENCH_BASELINE=<commit>.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { createContext, runInfo } from './context'
import { root, writeResults, type BenchContext, type BenchSection } from './lib'
import { SECTION_ORDER, writeReport, type RunRecord } from './report'

interface SectionModule { run: (context: BenchContext) => Promise<BenchSection> }

async function main(): Promise<void> {
  const startedAt = new Date()
  const t0 = performance.now()
  const only = (process.env.BENCH_ONLY ?? '').split(',').map(s => s.trim()).filter(Boolean)
  const unknown = only.filter(name => !SECTION_ORDER.includes(name))
  if (unknown.length) throw new Error(`BENCH_ONLY names unknown sections: ${unknown.join(', ')} (known: ${SECTION_ORDER.join(', ')})`)
  const modules = only.length ? SECTION_ORDER.filter(name => only.includes(name)) : SECTION_ORDER

  const context = await createContext()
  const record: RunRecord = { startedAt: startedAt.toISOString(), seconds: 0, modules: [], notes: [...context.notes] }
  if (context.quick) record.notes.push('Quick run (BENCH_QUICK=1): smaller counts and shorter runs.')
  if (only.length) record.notes.push(`Only ${modules.join(', ')} (BENCH_ONLY); other sections show their last results.`)
  for (const note of record.notes) console.log(`[bench] ${note}`)

  for (const name of modules) {
    const file = join(root, 'bench', `${name}.ts`)
    if (!existsSync(file)) {
      console.log(`[bench] ${name}: skipped, bench/${name}.ts does not exist yet`)
      record.modules.push({ module: name, skipped: `bench/${name}.ts does not exist yet` })
      continue
    }
    console.log(`[bench] ${name}: running…`)
    const load = loadavg()[0]!
    const started = performance.now()
    try {
      const module = await import(`./${name}.ts`) as Partial<SectionModule>
      if (typeof module.run !== 'function') throw new Error(`bench/${name}.ts exports no run(context)`)
      const section = await module.run(context)
      const seconds = (performance.now() - started) / 1000
      writeResults(section, runInfo(context, seconds, load))
      record.modules.push({ module: name, id: section.id, seconds })
      console.log(`[bench] ${name}: done in ${seconds.toFixed(0)} s`)
      console.log(`\n## ${section.title}\n\n${section.markdown}\n`)
    }
    catch (error) {
      const seconds = (performance.now() - started) / 1000
      console.error(`[bench] ${name}: failed after ${seconds.toFixed(0)} s`, error)
      record.modules.push({ module: name, seconds, failed: String(error instanceof Error ? error.message : error).split('\n')[0] })
    }
  }

  record.seconds = (performance.now() - t0) / 1000
  mkdirSync(join(root, 'bench/results'), { recursive: true })
  writeFileSync(join(root, 'bench/results/run.json'), `${JSON.stringify(record, null, 2)}\n`)
  writeReport()
  console.log(`[bench] BENCHMARKS.md written; the run took ${(record.seconds / 60).toFixed(1)} min`)
  if (record.modules.some(m => m.failed)) process.exitCode = 1
}

try {
  await main()
}
catch (error) {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
