/**
 * The context every section runs in (the two builds, PostgreSQL, quick or full) and the way a section
 * module runs on its own: `node --import tsx bench/<name>.ts` measures that section, writes its
 * bench/results/<id>.json and rewrites BENCHMARKS.md from all the results present.
 */
import { cpus, loadavg, totalmem } from 'node:os'
import type { Runtime } from '../test/support/server'
import { currentCommit, ensureBaseline, ensureCurrentBuild } from './baseline'
import { root, writeResults, type BenchContext, type BenchSection } from './lib'
import { writeReport } from './report'
import { postgresReachable } from './servers'

export const quick = process.env.BENCH_QUICK === '1'

/** Builds what is missing (this checkout, the baseline) and finds PostgreSQL. */
export async function createContext(): Promise<BenchContext & { notes: string[] }> {
  const notes: string[] = []
  const currentOutput = ensureCurrentBuild()
  let baselineOutput: string | undefined
  let baselineCommit: string | undefined
  let baselineRuntime: Runtime | undefined
  try {
    const baseline = ensureBaseline()
    baselineOutput = baseline.outputDir
    baselineCommit = baseline.commit
    baselineRuntime = baseline.runtime
  }
  catch (error) {
    notes.push(`No baseline build: ${String(error).split('\n')[0]}`)
  }
  const adminUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres'
  const postgresAdminUrl = await postgresReachable(adminUrl) ? adminUrl : undefined
  if (!postgresAdminUrl) notes.push('PostgreSQL not reachable: every server ran on PGlite')
  return { root, currentOutput, baselineOutput, baselineCommit, baselineRuntime, postgresAdminUrl, quick, notes }
}

/** What describes a run in each results file: the builds compared, the machine's load when it started. */
export function runInfo(context: BenchContext, seconds: number, loadAtStart: number): Record<string, unknown> {
  const { commit, dirty } = currentCommit()
  return {
    current: `${commit}${dirty ? ' + uncommitted changes' : ''}`,
    baseline: context.baselineCommit ?? null,
    quick: context.quick,
    seconds: Math.round(seconds),
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage1m: Number(loadAtStart.toFixed(2)),
    loadAverage1mAtEnd: Number(loadavg()[0]!.toFixed(2)),
  }
}

/** Runs one section by itself, writes its results and refreshes BENCHMARKS.md. */
export async function runStandalone(run: (context: BenchContext) => Promise<BenchSection>): Promise<void> {
  const context = await createContext()
  for (const note of context.notes) console.log(`[bench] ${note}`)
  const load = loadavg()[0]!
  const started = performance.now()
  const section = await run(context)
  const info = runInfo(context, (performance.now() - started) / 1000, load)
  writeResults(section, info)
  writeReport()
  console.log(`\n## ${section.title}\n\n${section.markdown}\n`)
}

/** True when this module is the script node was started with (not imported by the orchestrator). */
export function isMain(moduleUrl: string): boolean {
  return moduleUrl === new URL(`file://${process.argv[1]}`).href
}
