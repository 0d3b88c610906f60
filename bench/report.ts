/**
 * BENCHMARKS.md, assembled from the results files under bench/results/: a section that was not run this
 * time (BENCH_ONLY) keeps its last figures, each marked with when and on which build they were measured.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root, table, type BenchTarget } from './lib'

/** Sections in the order they run and appear. */
export const SECTION_ORDER = ['pages', 'weight', 'lighthouse', 'memory', 'search', 'crowd']

interface SectionRecord {
  measuredAt: string
  id: string
  title: string
  run: { current?: string, baseline?: string | null, quick?: boolean, seconds?: number, cpu?: string, memoryGiB?: number, node?: string, loadAverage1m?: number, loadAverage1mAtEnd?: number }
  targets: BenchTarget[]
  markdown: string
}

export interface RunRecord {
  startedAt: string
  seconds: number
  /** Module name → what happened: its section id, or why it was skipped or failed. */
  modules: Array<{ module: string, id?: string, seconds?: number, skipped?: string, failed?: string }>
  notes: string[]
}

const resultsDir = join(root, 'bench/results')

function readSections(): SectionRecord[] {
  if (!existsSync(resultsDir)) return []
  const records: SectionRecord[] = []
  for (const file of readdirSync(resultsDir).filter(f => f.endsWith('.json') && f !== 'run.json')) {
    const record = JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as Partial<SectionRecord>
    if (typeof record.markdown !== 'string' || !record.id) continue
    records.push({ run: {}, targets: [], title: record.id, measuredAt: '', ...record } as SectionRecord)
  }
  const rank = (id: string) => {
    const at = SECTION_ORDER.indexOf(id)
    return at === -1 ? SECTION_ORDER.length : at
  }
  return records.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id))
}

const verdict = (pass: boolean | null) => pass === null ? 'not measured' : pass ? '**pass**' : '**FAIL**'

export function writeReport(): void {
  const sections = readSections()
  const runFile = join(resultsDir, 'run.json')
  const lastRun = existsSync(runFile) ? JSON.parse(readFileSync(runFile, 'utf8')) as RunRecord : undefined
  const first = sections[0]?.run ?? {}
  const builds = [...new Set(sections.map(s => s.run.current).filter(Boolean))]
  const baselines = [...new Set(sections.map(s => s.run.baseline).filter(Boolean))]
  const dates = sections.map(s => s.measuredAt.slice(0, 10)).filter(Boolean).sort()

  const out: string[] = []
  out.push('# Benchmarks')
  out.push('')
  out.push('Speed, weight and memory of the public portal, measured side by side in one run: this build ("current") '
    + 'against the build of an earlier commit ("baseline", the state before the work on speed), and where it helps '
    + 'against an empty Nuxt app built in the same run (the framework\'s own ceiling). All load goes to servers '
    + 'started by the bench on 127.0.0.1, each on a fresh database with the demo data, with bounded counts and durations.')
  out.push('')
  out.push(table(['', ''], [
    ['machine', `${first.cpu ?? 'unknown'}, ${first.memoryGiB ?? '?'} GiB, Node ${first.node ?? '?'}`],
    ['measured', dates.length ? (dates[0] === dates.at(-1) ? dates[0]! : `${dates[0]} – ${dates.at(-1)}`) : '–'],
    ['current build', builds.join(', ') || '–'],
    ['baseline build', baselines.join(', ') || '–'],
    ['last `npm run bench`', lastRun ? `${lastRun.modules.map(m => m.module).join(', ')}: ${(lastRun.seconds / 60).toFixed(1)} min (started ${lastRun.startedAt.replace('T', ' ').slice(0, 16)} UTC)` : '–'],
  ]))
  out.push('')
  out.push('## How to reproduce')
  out.push('')
  out.push('```sh')
  out.push('npm ci')
  out.push('npm run bench                        # every section; builds what is missing first')
  out.push('BENCH_QUICK=1 npm run bench          # smaller counts and shorter runs, to try the bench itself')
  out.push('BENCH_ONLY=pages,weight npm run bench # only these sections; the others keep their last results')
  out.push('node --import tsx bench/pages.ts     # one section on its own')
  out.push('```')
  out.push('')
  out.push('- The baseline is commit `7f8eb6b` unless `BENCH_BASELINE=<commit>` names another; it is checked out and built '
    + 'once into `bench/.cache/baseline-<commit>` (git worktree, `npm ci`, production build) and reused.')
  out.push('- This checkout is rebuilt first when a source is newer than `.output` (as `npm start` does).')
  out.push('- Servers run on a fresh PostgreSQL database on `DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`), '
    + 'PGlite where noted, with `DEMO_DATA=1` and `RATE_LIMITS=off`.')
  out.push('- Each build runs as its own `npm start` runs it (the Node flags and environment of its `scripts/start.mjs`): '
    + '7f8eb6b with Node\'s defaults, this build with a fixed 64 MB young generation and `MALLOC_ARENA_MAX=2`.')
  out.push('- `BENCH_MEMORY_SECONDS` bounds each memory run of the current build (default 180 s; the baseline gets at most 60 s; quick: 20 s).')
  out.push('- Raw figures: `bench/results/<section>.json`; the run itself: `bench/results/run.json`.')
  out.push('- The machine has 2 cores, shared by the server under test and the load generator; the 1-minute load average '
    + 'at the start and end of each section is recorded below, since other work on the machine shows up in every figure '
    + '(a load average well above 2 means the figures are lower than the machine can do, for both builds alike: compare within a run).')
  out.push('')

  out.push('## Summary of the targets')
  out.push('')
  const targetRows = sections.flatMap(s => s.targets.map(t => [s.title, t.figure, t.target, t.measured, verdict(t.pass)]))
  out.push(targetRows.length ? table(['section', 'figure', 'target', 'current build', 'verdict'], targetRows) : 'No section reported a target.')
  out.push('')

  out.push('## Sections of this report')
  out.push('')
  const sectionRows: Array<Array<string | number>> = sections.map(s => [s.title, s.measuredAt.replace('T', ' ').slice(0, 16), s.run.current ?? '–', s.run.baseline ?? '–', s.run.quick ? 'quick' : 'full', s.run.seconds === undefined ? '–' : `${s.run.seconds} s`, `${s.run.loadAverage1m ?? '–'} / ${s.run.loadAverage1mAtEnd ?? '–'}`])
  for (const m of lastRun?.modules ?? []) {
    if (m.skipped || m.failed) sectionRows.push([`bench/${m.module}.ts`, lastRun!.startedAt.replace('T', ' ').slice(0, 16), '–', '–', '–', m.seconds === undefined ? '–' : `${Math.round(m.seconds)} s`, m.skipped ? `skipped: ${m.skipped}` : `failed: ${m.failed}`])
  }
  out.push(table(['section', 'measured (UTC)', 'current', 'baseline', 'run', 'took', 'load average (1 min) at start / end'], sectionRows))
  for (const note of lastRun?.notes ?? []) out.push(`\n- ${note}`)
  out.push('')

  for (const s of sections) {
    out.push(`## ${s.title}`)
    out.push('')
    out.push(`_Measured ${s.measuredAt.replace('T', ' ').slice(0, 16)} UTC, ${s.run.quick ? 'quick run' : 'full run'}, current ${s.run.current ?? '?'} vs baseline ${s.run.baseline ?? '–'}; raw figures in \`bench/results/${s.id}.json\`._`)
    out.push('')
    out.push(s.markdown.trim())
    out.push('')
  }
  writeFileSync(join(root, 'BENCHMARKS.md'), `${out.join('\n').trimEnd()}\n`)
}
