/**
 * Weight: what the home page costs a phone to download. For every `/_nuxt/*` file the home page's HTML
 * references: is it served compressed (brotli, or gzip to a client that only takes gzip), precompressed on
 * disk, and with a long-lived immutable Cache-Control? And the home page's JavaScript as sent (every script
 * and modulepreload, bytes on the wire with `Accept-Encoding: br, gzip`) against the entry of an empty Nuxt
 * app built in this run, gzipped: the target is at most 1.3×.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { startBuiltServer } from '../test/support/server'
import { ensureBareNuxt } from './bare'
import { isMain, runStandalone } from './context'
import { ratio, table, type BenchContext, type BenchSection, type BenchTarget } from './lib'
import { kib, rawGet, startBenchServer } from './servers'

/** Files nitro's compressPublicAssets compresses: compressible types of at least 1 KiB. */
const COMPRESSIBLE = /\.(?:m?js|css|json|svg|html|txt|xml)$/
const MIN_COMPRESSED_BYTES = 1024
/** "Long-lived": at least 30 days (Nuxt's default for hashed assets is a year). */
const MIN_MAX_AGE = 30 * 24 * 3600

type Kind = 'script' | 'modulepreload' | 'stylesheet' | 'prefetch' | 'other'

interface Asset {
  path: string
  kinds: Kind[]
  status: number
  rawBytes: number
  gzipBytes: number
  brotliBytes: number
  /** Bytes on the wire when the client sends `Accept-Encoding: br, gzip`. */
  sentBytes: number
  sentEncoding: string
  /** Content-Encoding when the client takes gzip only. */
  gzipOnlyEncoding: string
  cacheControl: string
  precompressed: { br: boolean, gz: boolean }
  /** Whether this file must be compressed (compressible and large enough) and whether everything checked holds. */
  mustCompress: boolean
  compressedOk: boolean
  cacheOk: boolean
}

interface BuildWeight {
  build: string
  assets: Asset[]
  js: { files: number, rawBytes: number, gzipBytes: number, brotliBytes: number, sentBytes: number }
  css: { files: number, rawBytes: number, sentBytes: number }
}

/** The `/_nuxt/` files an HTML page references, with how (script, modulepreload, stylesheet, prefetch). */
export function referencedAssets(html: string): Map<string, Kind[]> {
  const found = new Map<string, Kind[]>()
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`).exec(tag[0])?.slice(1).find(v => v !== undefined)
    const url = tag[1] === 'script' ? attr('src') : attr('href')
    if (!url) continue
    const path = url.startsWith('http') ? new URL(url).pathname : url
    if (!path.startsWith('/_nuxt/')) continue
    const rel = (attr('rel') ?? '').toLowerCase()
    const kind: Kind = tag[1] === 'script' ? 'script' : rel === 'modulepreload' ? 'modulepreload' : rel === 'stylesheet' ? 'stylesheet' : rel === 'prefetch' ? 'prefetch' : 'other'
    const kinds = found.get(path) ?? []
    if (!kinds.includes(kind)) kinds.push(kind)
    found.set(path, kinds)
  }
  return found
}

function maxAgeOf(cacheControl: string): number {
  return Number(/max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0)
}

async function weigh(build: string, baseUrl: string, outputDir: string): Promise<BuildWeight> {
  const home = await rawGet(`${baseUrl}/`)
  if (home.status !== 200) throw new Error(`${build}: / answered ${home.status}`)
  const assets: Asset[] = []
  for (const [path, kinds] of referencedAssets(home.body.toString())) {
    const plain = await rawGet(`${baseUrl}${path}`)
    const sent = await rawGet(`${baseUrl}${path}`, { 'accept-encoding': 'br, gzip' })
    const gzipOnly = await rawGet(`${baseUrl}${path}`, { 'accept-encoding': 'gzip' })
    const onDisk = join(outputDir, 'public', path)
    const cacheControl = String(sent.headers['cache-control'] ?? '')
    const mustCompress = COMPRESSIBLE.test(path) && plain.body.length >= MIN_COMPRESSED_BYTES
    const sentEncoding = String(sent.headers['content-encoding'] ?? 'identity')
    const gzipOnlyEncoding = String(gzipOnly.headers['content-encoding'] ?? 'identity')
    const precompressed = { br: existsSync(`${onDisk}.br`), gz: existsSync(`${onDisk}.gz`) }
    assets.push({
      path,
      kinds,
      status: plain.status,
      rawBytes: plain.body.length,
      gzipBytes: gzipSync(plain.body, { level: 9 }).length,
      brotliBytes: brotliCompressSync(plain.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
      sentBytes: sent.body.length,
      sentEncoding,
      gzipOnlyEncoding,
      cacheControl,
      precompressed,
      mustCompress,
      compressedOk: !mustCompress || (sentEncoding === 'br' && gzipOnlyEncoding === 'gzip' && precompressed.br && precompressed.gz),
      cacheOk: plain.status === 200 && /\bimmutable\b/.test(cacheControl) && maxAgeOf(cacheControl) >= MIN_MAX_AGE,
    })
  }
  const js = assets.filter(a => a.kinds.includes('script') || a.kinds.includes('modulepreload'))
  const css = assets.filter(a => a.kinds.includes('stylesheet'))
  const sum = (list: Asset[], key: 'rawBytes' | 'gzipBytes' | 'brotliBytes' | 'sentBytes') => list.reduce((total, a) => total + a[key], 0)
  return {
    build,
    assets,
    js: { files: js.length, rawBytes: sum(js, 'rawBytes'), gzipBytes: sum(js, 'gzipBytes'), brotliBytes: sum(js, 'brotliBytes'), sentBytes: sum(js, 'sentBytes') },
    css: { files: css.length, rawBytes: sum(css, 'rawBytes'), sentBytes: sum(css, 'sentBytes') },
  }
}

export async function run(context: BenchContext): Promise<BenchSection> {
  const bare = ensureBareNuxt()
  const weights: BuildWeight[] = []
  const notes: string[] = []
  const measureBuild = async (build: string, outputDir: string) => {
    const server = await startBenchServer(context, { label: `weight_${build}`, outputDir })
    notes.push(...server.notes.map(n => `${build}: ${n}`))
    try {
      weights.push(await weigh(build, server.url, outputDir))
    }
    finally {
      await server.stop()
    }
  }
  await measureBuild('current', context.currentOutput)
  if (context.baselineOutput) await measureBuild('baseline', context.baselineOutput)
  for (const [build, variant] of [['empty Nuxt app', 'app'], [ONE_PAGE_APP, 'page']] as const) {
    const app = ensureBareNuxt(variant)
    const bareServer = await startBuiltServer({ label: `weight_bare_${variant}`, outputDir: app.outputDir, database: 'given' })
    try {
      weights.push(await weigh(build, bareServer.url, app.outputDir))
    }
    finally {
      await bareServer.stop()
    }
  }
  return report(context, weights, bare.nuxtVersion, notes)
}

/** An empty Nuxt app with one page in pages/: what any app with pages sends before its own code. */
const ONE_PAGE_APP = 'empty Nuxt app with one page'

function report(context: BenchContext, weights: BuildWeight[], nuxtVersion: string, notes: string[]): BenchSection {
  const current = weights.find(w => w.build === 'current')!
  const baseline = weights.find(w => w.build === 'baseline')
  const bare = weights.find(w => w.build === 'empty Nuxt app')!
  const jsRatio = current.js.sentBytes / bare.js.gzipBytes
  const compressBad = current.assets.filter(a => !a.compressedOk)
  const cacheBad = current.assets.filter(a => !a.cacheOk)
  const mustCompress = current.assets.filter(a => a.mustCompress).length
  const targets: BenchTarget[] = [
    {
      figure: 'home page `/_nuxt/*` files (≥ 1 KiB, compressible) precompressed, sent with Content-Encoding br (gzip to a gzip-only client)',
      target: 'all',
      measured: `${mustCompress - compressBad.length} of ${mustCompress}`,
      pass: compressBad.length === 0,
    },
    {
      figure: 'home page `/_nuxt/*` files with a long-lived immutable Cache-Control',
      target: 'all',
      measured: `${current.assets.length - cacheBad.length} of ${current.assets.length}`,
      pass: cacheBad.length === 0,
    },
    {
      figure: `home page JavaScript as sent vs the empty Nuxt ${nuxtVersion} app's entry, gzipped`,
      target: '≤ 1.3×',
      measured: `${kib(current.js.sentBytes)} / ${kib(bare.js.gzipBytes)} = ${ratio(jsRatio)}`,
      pass: jsRatio <= 1.3,
    },
  ]
  const md: string[] = []
  md.push('The home page (`/`) of each build: every `/_nuxt/*` file its HTML references. JavaScript = every `<script src>` and '
    + '`<link rel="modulepreload">` (what the browser fetches before the page is interactive; `prefetch` links load later at idle and are not counted). '
    + '"As sent" is the bytes on the wire with `Accept-Encoding: br, gzip`, as a browser asks; gzip and brotli columns are computed here '
    + '(gzip level 9, brotli quality 11) for reference.')
  md.push('')
  md.push(table(['build', 'JS files', 'JS raw', 'JS gzip', 'JS brotli', 'JS as sent', 'as sent / empty app entry gzip', 'CSS files', 'CSS raw', 'CSS as sent'], weights.map(w => [
    w.build, w.js.files, kib(w.js.rawBytes), kib(w.js.gzipBytes), kib(w.js.brotliBytes), `**${kib(w.js.sentBytes)}**`, ratio(w.js.sentBytes / bare.js.gzipBytes), w.css.files, kib(w.css.rawBytes), kib(w.css.sentBytes),
  ])))
  md.push('')
  md.push(`Target: the current home page's JavaScript as sent at most 1.3× the empty app's entry gzipped (${kib(bare.js.gzipBytes)}): ${ratio(jsRatio)}. `
    + (baseline ? `Baseline ${context.baselineCommit}: ${kib(baseline.js.sentBytes)} as sent, ${ratio(baseline.js.sentBytes / bare.js.gzipBytes)}.` : ''))
  const onePage = weights.find(w => w.build === ONE_PAGE_APP)
  if (onePage) {
    md.push('')
    md.push(`The ${ONE_PAGE_APP} (an app.vue with \`<NuxtPage />\` and one page saying Hello, nothing else; like the empty app, built without precompression) `
      + `weighs ${kib(onePage.js.gzipBytes)} gzipped (${kib(onePage.js.brotliBytes)} brotli), ${ratio(onePage.js.gzipBytes / bare.js.gzipBytes)} the empty app's entry: `
      + 'Nuxt\'s router and pages runtime, which every app with pages ships before a line of its own. '
      + `The current home page sends ${kib(current.js.sentBytes)} (brotli), ${kib(current.js.sentBytes - onePage.js.brotliBytes)} more than the one-page app's brotli size.`)
  }
  md.push('')
  for (const w of [current, baseline].filter((w): w is BuildWeight => Boolean(w))) {
    const ok = w.assets.filter(a => a.compressedOk && a.cacheOk).length
    md.push(`<details><summary>${w.build}: ${ok} of ${w.assets.length} files as required (compressed when compressible and ≥ 1 KiB, long-lived immutable cache)</summary>`)
    md.push('')
    md.push(table(['file', 'as', 'raw', 'sent (br, gzip)', 'encoding (br, gzip / gzip)', 'on disk .br/.gz', 'Cache-Control', 'ok'], w.assets.map(a => [
      `\`${a.path}\``, a.kinds.join(', '), kib(a.rawBytes), kib(a.sentBytes), `${a.sentEncoding} / ${a.gzipOnlyEncoding}`,
      `${a.precompressed.br ? 'br' : '–'}/${a.precompressed.gz ? 'gz' : '–'}`, a.cacheControl || '(none)',
      a.compressedOk && a.cacheOk ? 'yes' : [a.compressedOk ? '' : (a.mustCompress ? 'not compressed' : ''), a.cacheOk ? '' : 'cache'].filter(Boolean).join(', '),
    ])))
    md.push('')
    md.push('</details>')
    md.push('')
  }
  if (notes.length) md.push(`Notes: ${[...new Set(notes)].join('; ')}`)
  return { id: 'weight', title: 'Weight: compression, caching and JavaScript of the home page', markdown: md.join('\n').trim(), targets, results: { weights, notes } }
}

if (isMain(import.meta.url)) await runStandalone(run)
