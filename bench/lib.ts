import type { Runtime } from '../test/support/server'
/**
 * What every benchmark section shares. A section is a module under bench/ that exports
 * `run(context): Promise<BenchSection>`; `npm run bench` runs the sections in one go, side by side against
 * the baseline build, and writes BENCHMARKS.md plus bench/results/<id>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const root = new URL('..', import.meta.url).pathname

export interface BenchContext {
  /** The repository root. */
  root: string
  /** This checkout's build (`.output`). */
  currentOutput: string
  /** The build of the commit measured against (see bench/baseline.ts), when one is available. */
  baselineOutput?: string
  /** The baseline commit (short hash) whose build `baselineOutput` is. */
  baselineCommit?: string
  /** How the baseline's server runs: as its own `npm start` ran it. */
  baselineRuntime?: Runtime
  /** PostgreSQL server to create throw-away databases on; undefined when none is reachable. */
  postgresAdminUrl?: string
  /** Smaller counts and shorter runs (BENCH_QUICK=1), for trying the bench itself. */
  quick: boolean
}

export interface BenchSection {
  /** Short stable id: the JSON file name under bench/results/. */
  id: string
  /** Heading in BENCHMARKS.md. */
  title: string
  /** Markdown body for BENCHMARKS.md: tables of before/after and ratios, how to read them. */
  markdown: string
  /** Raw figures, written as bench/results/<id>.json. */
  results: unknown
  /** The targets this section checks, for the summary table at the top of BENCHMARKS.md. */
  targets?: BenchTarget[]
}

/** One target of the issue and how the current build fared; `pass` is null when it could not be measured. */
export interface BenchTarget {
  figure: string
  target: string
  measured: string
  pass: boolean | null
}

export interface Summary { n: number, p50: number, p95: number, p99: number, max: number, mean: number }

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))]!
}

export function summary(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b)
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1)
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? Number.NaN, mean }
}

export const ms = (value: number) => `${value.toFixed(1)} ms`
export const ratio = (value: number) => `${value.toFixed(2)}×`

/** A markdown table from a header row and body rows. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** Writes bench/results/<id>.json; `run` describes the run (builds compared, quick or not, duration). */
export function writeResults(section: BenchSection, run: Record<string, unknown> = {}): void {
  const dir = join(root, 'bench/results')
  mkdirSync(dir, { recursive: true })
  const { id, title, markdown, targets, results } = section
  const record = { measuredAt: new Date().toISOString(), id, title, run, targets: targets ?? [], markdown, results }
  writeFileSync(join(dir, `${id}.json`), `${JSON.stringify(record, null, 2)}\n`)
}
