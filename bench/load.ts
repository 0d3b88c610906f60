/**
 * Load generators: wrk for one fixed URL's throughput, autocannon for a bounded number of requests to URLs
 * made on the fly (distinct query strings). Each run also reports the CPU the server and the generator used,
 * so a generator that became the bottleneck shows in the results.
 */
import { spawn } from 'node:child_process'
import autocannon from 'autocannon'
import { cpuSecondsOf } from './servers'

export interface WrkRun {
  url: string
  seconds: number
  connections: number
  requests: number
  /** Requests per second as wrk reports it. */
  rps: number
  latencyAvgMs: number
  /** Responses outside 2xx/3xx. */
  non2xx: number
  socketErrors: number
  /** CPU cores the server process used on average over the run (1.0 = one core busy). */
  serverCores: number
  /** Server CPU time per completed request (includes the requests still in flight when wrk stopped). */
  serverCpuMsPerRequest: number
  /** CPU cores wrk used on average over the run. */
  generatorCores: number
}

const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 }

function parseWrk(out: string) {
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? Number.NaN)
  const latency = /Latency\s+([\d.]+)(us|ms|s|m)\b/.exec(out)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.567s".
  const times = [...out.matchAll(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/gm)]
  const child = times.at(-1)
  return {
    requests: num(/(\d+) requests in/),
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    latencyAvgMs: latency ? Number(latency[1]) * unitMs[latency[2]!]! : Number.NaN,
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/) || 0,
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    generatorCpu: child ? Number(child[1]) * 60 + Number(child[2]) + Number(child[3]) * 60 + Number(child[4]) : Number.NaN,
  }
}

/** `wrk -t2 -c<connections> -d<seconds>s` against one URL, with the server's CPU read from /proc around it. */
export async function wrk(url: string, options: { seconds: number, connections?: number, serverPid: number }): Promise<WrkRun> {
  const connections = options.connections ?? 64
  const args = ['-t2', `-c${connections}`, `-d${options.seconds}s`, '--timeout', '30s', url]
  await settle(options.serverPid)
  const cpu0 = cpuSecondsOf(options.serverPid)
  const t0 = performance.now()
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', ['-c', 'wrk "$@"; code=$?; times; exit $code', 'wrk', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString()
    })
    child.on('error', reject)
    child.on('exit', code => code === 0 ? resolve(text) : reject(new Error(`wrk ${url} exited ${code}:\n${text}`)))
  })
  const wall = (performance.now() - t0) / 1000
  const serverCpu = cpuSecondsOf(options.serverPid) - cpu0
  const parsed = parseWrk(out)
  if (!Number.isFinite(parsed.rps)) throw new Error(`wrk ${url}: no Requests/sec in\n${out}`)
  return {
    url,
    seconds: options.seconds,
    connections,
    requests: parsed.requests,
    rps: parsed.rps,
    latencyAvgMs: parsed.latencyAvgMs,
    non2xx: parsed.non2xx,
    socketErrors: parsed.socketErrors,
    serverCores: serverCpu / wall,
    serverCpuMsPerRequest: parsed.requests > 0 ? serverCpu * 1000 / parsed.requests : Number.NaN,
    generatorCores: parsed.generatorCpu / wall,
  }
}

export interface CountedRun {
  requests: number
  seconds: number
  rps: number
  /** Responses per status code (e.g. { "200": 9000, "400": 1000 }). */
  statuses: Record<string, number>
  errors: number
  timeouts: number
  serverCores: number
  /** CPU cores this process (autocannon runs in it) used on average. */
  generatorCores: number
}

/**
 * Exactly `amount` GETs over `connections` keep-alive connections, each to the path `nextPath()` returns
 * when the request is built (so every request can carry a distinct query string).
 */
export async function countedLoad(baseUrl: string, options: { amount: number, connections?: number, nextPath: () => string, serverPid: number }): Promise<CountedRun> {
  const connections = Math.min(options.connections ?? 32, options.amount)
  await settle(options.serverPid)
  const cpu0 = cpuSecondsOf(options.serverPid)
  const own0 = process.cpuUsage()
  const t0 = performance.now()
  const result = await autocannon({
    url: baseUrl,
    connections,
    amount: options.amount,
    timeout: 30,
    requests: [{ method: 'GET', setupRequest: request => ({ ...request, path: options.nextPath() }) }],
  })
  const wall = (performance.now() - t0) / 1000
  const own = process.cpuUsage(own0)
  const statuses: Record<string, number> = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (stat as { count: number }).count
  return {
    requests: result.requests.total,
    seconds: wall,
    rps: result.requests.total / wall,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCores: (cpuSecondsOf(options.serverPid) - cpu0) / wall,
    generatorCores: (own.user + own.system) / 1e6 / wall,
  }
}

export function median(values: number[]): number {
  const s = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b)
  if (s.length === 0) return Number.NaN
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * Waits until the server has worked off what a run left queued (a slow page keeps rendering the requests
 * of connections the generator already closed), so that work is not billed to the next run.
 */
export async function settle(pid: number, maxSeconds = 60): Promise<void> {
  const deadline = performance.now() + maxSeconds * 1000
  let quiet = 0
  while (performance.now() < deadline) {
    const cpu0 = cpuSecondsOf(pid)
    await new Promise(r => setTimeout(r, 200))
    // At most one 10 ms clock tick in 200 ms: idle. A busy server starved by other work on the machine still
    // gets more than that (2 cores shared by 15 runnable processes is 26 ms per 200 ms).
    quiet = cpuSecondsOf(pid) - cpu0 <= 0.011 ? quiet + 1 : 0
    if (quiet >= 3) return
  }
}
