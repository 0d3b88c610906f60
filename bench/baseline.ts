/**
 * The two builds a benchmark compares: this checkout's `.output` (rebuilt when the sources are newer, as
 * `npm start` does) and the build of the commit measured against (default 7f8eb6b, "today's" commit of the
 * issue; BENCH_BASELINE=<commit> picks another), kept in a git worktree under bench/.cache and reused.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startRuntime, type Runtime } from '../test/support/server'
import { root } from './lib'

export const DEFAULT_BASELINE = '7f8eb6b'

const sources = ['app', 'server', 'shared', 'i18n', 'public', 'nuxt.config.ts', 'package-lock.json']

/** The newest modification time below `path` (ms). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${String(result.stderr ?? '').slice(-4000)}`)
  }
  return String(result.stdout ?? '').trim()
}

function nuxtBuild(cwd: string, log: string): void {
  console.log(`[bench] building ${cwd} (log: ${log})…`)
  const started = Date.now()
  const out = spawnSync('npx', ['nuxt', 'build'], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } })
  writeFileSync(log, `${out.stdout ?? ''}\n${out.stderr ?? ''}`)
  if (out.status !== 0) throw new Error(`nuxt build failed in ${cwd}; see ${log}`)
  console.log(`[bench] built ${cwd} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

/** This checkout's build, rebuilt first when a source is newer than it. Returns the `.output` directory. */
export function ensureCurrentBuild(): string {
  const output = join(root, '.output')
  const marker = join(output, 'nitro.json')
  const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0
  const sourcesAt = Math.max(...sources.map(s => newestMtime(join(root, s))))
  if (sourcesAt > builtAt) {
    mkdirSync(join(root, 'bench/.cache'), { recursive: true })
    nuxtBuild(root, join(root, 'bench/.cache/current-build.log'))
  }
  return output
}

export interface BaselineBuild {
  /** Short hash of the commit built. */
  commit: string
  /** Its `.output` directory. */
  outputDir: string
  /** How that commit's own `npm start` ran its server (7f8eb6b: no Node flags, no added environment). */
  runtime: Runtime
}

/**
 * The baseline commit's build: a detached git worktree in bench/.cache/baseline-<commit> with its own
 * `npm ci` and production build, made once and reused while the marker file says it is complete.
 */
export function ensureBaseline(ref = process.env.BENCH_BASELINE?.trim() || DEFAULT_BASELINE): BaselineBuild {
  const commit = run('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: root })
  const dir = join(root, 'bench/.cache', `baseline-${commit}`)
  const outputDir = join(dir, '.output')
  const marker = join(dir, '.bench-built')
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === commit && existsSync(join(outputDir, 'server/index.mjs'))) {
    return { commit, outputDir, runtime: startRuntime(dir) }
  }
  mkdirSync(join(root, 'bench/.cache'), { recursive: true })
  if (!existsSync(join(dir, 'package.json'))) {
    console.log(`[bench] checking out ${commit} into ${dir}…`)
    // --force: the path may still be registered from a cache that was deleted by hand.
    run('git', ['worktree', 'add', '--force', '--detach', dir, commit], { cwd: root })
  }
  if (!existsSync(join(dir, 'node_modules/.package-lock.json'))) {
    console.log(`[bench] npm ci for ${commit}…`)
    run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir })
  }
  nuxtBuild(dir, join(root, 'bench/.cache', `baseline-${commit}-build.log`))
  writeFileSync(marker, `${commit}\n`)
  return { commit, outputDir, runtime: startRuntime(dir) }
}

/** Short hash of this checkout's HEAD; `dirty` when the sources that go into the build have uncommitted changes. */
export function currentCommit(): { commit: string, dirty: boolean } {
  const commit = run('git', ['rev-parse', '--short', 'HEAD'], { cwd: root })
  const dirty = run('git', ['status', '--porcelain', '--', ...sources], { cwd: root }).length > 0
  return { commit, dirty }
}
