/**
 * The 10:00 crowd (issue 8): verified residents all claiming one release at once, on PostgreSQL, through
 * the built server — the baseline build against this one, side by side in one run, each with one app
 * process and with two sharing the database, each on a fresh database.
 *
 *  - crowd: 5,000 residents, a release of 1,000 opening now, every resident claims once at concurrency 256.
 *  - flow at 8 and 64 clients: 1,536 residents and a release of 1,536, so every claim takes the hot rows
 *    (release and event); the 64 ÷ 8 ratio shows whether throughput collapses as contention grows.
 *  - pgbench replaying this build's claim SQL (the statements a claim sends: lucia's session read, the
 *    claim facts, the claim write — rendered from the same builders in server/services/vouchers.ts) on the
 *    same database, with random resident ids, at the same client counts. PostgreSQL here takes 100
 *    connections, so pgbench's crowd runs at 64 clients; the app itself never holds more than its pool of
 *    10 per process.
 *
 * Residents, identities and lucia sessions are written straight into the database (argon2 and the login
 * throttle would otherwise be what is measured); each run gets its own event, release and residents.
 * The load generator runs in this process (node:http, keep-alive, a fixed number of clients each sending
 * one claim after another); its CPU time and the machine's are recorded with every run, and so is the CPU
 * time per claim of the app processes and of the database backends serving them, which other work on a
 * shared machine does not change. The machine may be shared: the configurations run BENCH_CROWD_ROUNDS
 * times (default 2), interleaved, and the round with the most crowd claims/s is shown.
 *
 * Standalone: `node --import tsx bench/crowd.ts` (BENCH_QUICK=1 for small counts). The baseline build is
 * BENCH_BASELINE_OUTPUT, else /tmp/base/output, else /tmp/baseline-7f8eb6b/.output when it exists
 * (BENCH_BASELINE_OUTPUT=none: this build only).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/postgres-js'
import { PgDialect } from 'drizzle-orm/pg-core'
import postgres from 'postgres'
import * as schema from '../server/db/schema'
import { claimFactsStatement, takeQualificationStatement } from '../server/services/vouchers'
import { startBuiltServer, type Runtime, type StartedServer } from '../test/support/server'
import { ms, ratio, root, summary, table, writeResults, type BenchContext, type BenchSection, type Summary } from './lib'

const BASELINE_COMMIT = '7f8eb6b'
const CAP_FEN = 200_000
const CATEGORY = 'fridge'

interface Plan {
  crowdResidents: number
  crowdQuota: number
  crowdClients: number
  flowResidents: number
  flowClients: number[]
  warmResidents: number
  /** pgbench's stand-in for the crowd's 256 clients (max_connections is 100 here). */
  pgbenchCrowdClients: number
}

function plan(quick: boolean): Plan {
  return quick
    ? { crowdResidents: 1000, crowdQuota: 200, crowdClients: 256, flowResidents: 256, flowClients: [8, 64], warmResidents: 100, pgbenchCrowdClients: 64 }
    : { crowdResidents: 5000, crowdQuota: 1000, crowdClients: 256, flowResidents: 1536, flowClients: [8, 64], warmResidents: 400, pgbenchCrowdClients: 64 }
}

// ---------------------------------------------------------------------------------------------------------
// The database: fresh per configuration, residents and events written directly.
// ---------------------------------------------------------------------------------------------------------

type Sql = ReturnType<typeof postgres>

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function withAdmin<T>(adminUrl: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    return await fn(sql)
  }
  finally {
    await sql.end({ timeout: 5 })
  }
}

const sessionId = (n: number) => `crowd-s-${n}`

/** Residents from+1 … from+count: a user, a verified identity and a week-long lucia session each. */
async function seedResidents(sql: Sql, from: number, count: number): Promise<void> {
  const [first, last] = [from + 1, from + count]
  await sql.begin(async (tx) => {
    await tx`insert into users (id, phone, password_hash, role)
      select 'crowd-u-' || n, '15' || lpad(n::text, 9, '0'), 'none: this resident signs in through a session made by the benchmark', 'resident'
      from generate_series(${first}::int, ${last}::int) n`
    await tx`insert into identities (user_id, id_hash, id_masked, name_masked, consent_version, consented_at)
      select 'crowd-u-' || n, 'crowd-h-' || n, '4407**********' || lpad((n % 1000)::text, 3, '0') || 'X', '陈*', '2026-11', now()
      from generate_series(${first}::int, ${last}::int) n`
    await tx`insert into sessions (id, user_id, expires_at)
      select 'crowd-s-' || n, 'crowd-u-' || n, now() + interval '7 days'
      from generate_series(${first}::int, ${last}::int) n`
  })
}

interface CrowdEvent { slug: string, eventId: string, releaseId: string, quota: number }

/** A published appliance event with a fridge rule (cap 2,000 yuan) and one release of `quota`, opening now. */
async function createCrowdEvent(sql: Sql, label: string, quota: number): Promise<CrowdEvent> {
  const slug = `crowd-${label}-${randomUUID().slice(0, 8)}`
  return sql.begin(async (tx) => {
    const [event] = await tx<Array<{ id: string }>>`insert into events (slug, title_zh, title_en, kind, status, starts_at, ends_at, budget_fen)
      values (${slug}, ${`十点抢券 ${label}`}, ${`The 10:00 crowd ${label}`}, 'appliance', 'published', now() - interval '1 day', now() + interval '30 days', ${quota * CAP_FEN * 2})
      returning id`
    await tx`insert into event_rules (event_id, category_code, rate_pct_by_grade, cap_fen, per_person_limit, requires_trade_in)
      values (${event!.id}, ${CATEGORY}, ${tx.json({ 1: 20, 2: 15 })}, ${CAP_FEN}, 1, true)`
    const [release] = await tx<Array<{ id: string }>>`insert into qualification_releases (event_id, category_code, opens_at, closes_at, quota)
      values (${event!.id}, ${CATEGORY}, now() - interval '1 second', now() + interval '1 day', ${quota})
      returning id`
    return { slug, eventId: event!.id, releaseId: release!.id, quota }
  })
}

interface LedgerCheck { granted: number, claimed: number, reservedFen: number, quota: number, sound: boolean }

/** What the database holds after a run: vouchers of the release against its counter and the event's reservation. */
async function ledgerAfter(sql: Sql, e: CrowdEvent): Promise<LedgerCheck> {
  const [row] = await sql<Array<{ granted: number, claimed: number, reserved: string, caps: string }>>`
    select (select count(*)::int from vouchers where release_id = ${e.releaseId} and status = 'active') as granted,
      (select claimed from qualification_releases where id = ${e.releaseId}) as claimed,
      (select reserved_fen from events where id = ${e.eventId})::text as reserved,
      (select coalesce(sum(cap_fen), 0) from vouchers where event_id = ${e.eventId} and status = 'active')::text as caps`
  const granted = row!.granted
  return {
    granted,
    claimed: row!.claimed,
    reservedFen: Number(row!.reserved),
    quota: e.quota,
    sound: granted === row!.claimed && granted <= e.quota && Number(row!.reserved) === Number(row!.caps),
  }
}

// ---------------------------------------------------------------------------------------------------------
// CPU: this process (the load generator) and the whole machine.
// ---------------------------------------------------------------------------------------------------------

function machineTicks(): { busy: number, total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0)
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0)
  return { busy: total - idle, total }
}

/** CPU seconds a process has used so far (user + system), from /proc; 0 where there is none. */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  }
  catch {
    return 0
  }
}

/** Linux's USER_HZ: /proc times are in hundredths of a second. */
const CLOCK_TICKS = 100

function cpuMeter() {
  const t0 = performance.now()
  const own = process.cpuUsage()
  const machine = existsSync('/proc/stat') ? machineTicks() : null
  return () => {
    const wallMs = performance.now() - t0
    const used = process.cpuUsage(own)
    const after = machine ? machineTicks() : null
    return {
      /** Load generator CPU, % of one core. */
      generatorPct: ((used.user + used.system) / 1000) / wallMs * 100,
      /** Whole machine, % of all cores. */
      machinePct: machine && after ? (after.busy - machine.busy) / Math.max(1, after.total - machine.total) * 100 : Number.NaN,
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The HTTP crowd.
// ---------------------------------------------------------------------------------------------------------

interface HttpRun {
  clients: number
  processes: number
  claims: number
  granted: number
  serverErrors: number
  /** Requests that got no answer at all (connection errors), counted apart from 5xx. */
  connectionErrors: number
  /** The first few answers that were neither 201 nor 409, as received. */
  failures: string[]
  statuses: Record<string, number>
  codes: Record<string, number>
  seconds: number
  claimsPerSec: number
  grantedPerSec: number
  latency: Summary
  generatorCpuPct: number
  machineCpuPct: number
  /** CPU milliseconds per claim: the app process(es), and the database backends serving them. */
  serverCpuMsPerClaim: number
  databaseCpuMsPerClaim: number
  /** 1-minute load average when the run started (other work on the machine shows here). */
  loadAverage: number
  ledger?: LedgerCheck
}

interface Target { port: number, origin: string, agent: Agent }

function post(target: Target, path: string, cookie: string, body: string): Promise<{ status: number, text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: target.port,
      method: 'POST',
      path,
      agent: target.agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cookie': cookie, 'origin': target.origin },
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Every resident claims once; `clients` of them at a time, spread over the servers in turn. */
async function httpCrowd(servers: StartedServer[], sql: Sql, slug: string, residents: number[], clients: number): Promise<HttpRun> {
  // The database's own work: the backends serving this database (the app's pools), before and after.
  const backends = async () => (await sql<Array<{ pid: number }>>`select pid from pg_stat_activity where datname = current_database()`).map(r => r.pid)
  const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0)
  const cpuByPid = (pids: number[]) => new Map(pids.map(pid => [pid, processCpuSeconds(pid)]))
  const serverPids = servers.flatMap(s => (s.pid ? [s.pid] : []))
  const targets: Target[] = servers.map((s) => {
    const url = new URL(s.url)
    return { port: Number(url.port), origin: url.origin, agent: new Agent({ keepAlive: true, maxSockets: clients }) }
  })
  const path = `/api/v1/events/${slug}/vouchers`
  const body = JSON.stringify({ categoryCode: CATEGORY })
  const order = shuffled(residents)
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  const codes: Record<string, number> = {}
  let next = 0
  const loadAverage = loadavg()[0]!
  const pg0 = cpuByPid(await backends())
  const server0 = cpuOf(serverPids)
  const meter = cpuMeter()
  const t0 = performance.now()
  const failures: string[] = []
  // Each client keeps to one server, so that its keep-alive connection never idles long enough for the
  // server to close it under the client's next request.
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    const target = targets[client % targets.length]!
    for (;;) {
      const i = next++
      if (i >= order.length) return
      const start = performance.now()
      let status = 0
      let text = ''
      try {
        ({ status, text } = await post(target, path, `auth_session=${sessionId(order[i]!)}`, body))
      }
      catch (error) {
        text = String(error)
      }
      latencies.push(performance.now() - start)
      statuses[status] = (statuses[status] ?? 0) + 1
      if (status === 409) {
        const code = (JSON.parse(text) as { data?: { code?: string } }).data?.code ?? '?'
        codes[code] = (codes[code] ?? 0) + 1
      }
      else if (status !== 201 && failures.length < 10) failures.push(`${status}: ${text.slice(0, 300)}`)
    }
  }))
  const seconds = (performance.now() - t0) / 1000
  const cpu = meter()
  // A backend that appeared during the run counts whole.
  const pgSeconds = [...cpuByPid(await backends())].reduce((sum, [pid, after]) => sum + after - (pg0.get(pid) ?? 0), 0)
  const serverSeconds = cpuOf(serverPids) - server0
  for (const t of targets) t.agent.destroy()
  const granted = statuses['201'] ?? 0
  return {
    clients,
    processes: servers.length,
    claims: order.length,
    granted,
    serverErrors: Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0),
    connectionErrors: statuses['0'] ?? 0,
    failures,
    statuses,
    codes,
    seconds,
    claimsPerSec: order.length / seconds,
    grantedPerSec: granted / seconds,
    latency: summary(latencies),
    generatorCpuPct: cpu.generatorPct,
    machineCpuPct: cpu.machinePct,
    serverCpuMsPerClaim: serverSeconds * 1000 / order.length,
    databaseCpuMsPerClaim: pgSeconds * 1000 / order.length,
    loadAverage,
  }
}

// ---------------------------------------------------------------------------------------------------------
// pgbench: this build's claim statements, replayed.
// ---------------------------------------------------------------------------------------------------------

interface PgbenchRun {
  clients: number
  claims: number
  granted: number
  failed: number
  claimsPerSec: number
  latency: Summary
  ledger?: LedgerCheck
}

// Stand-ins for per-resident values, replaced in the rendered SQL by expressions of :rid.
const USER = '__crowd_user__'
const HASH = '__crowd_identity_hash__'
const SESSION = '__crowd_session__'
const VOUCHER_ID = '__crowd_voucher_id__'
const CODE = '__crowd_code__'

/**
 * A pgbench script of the statements one claim sends, rendered from the service's own builders: the
 * session read (as lucia's Drizzle adapter writes it), the claim facts (with a projection on top so that
 * pgbench can take the service's decision: a release with room and no live slot), and the claim write when
 * the decision says so. Per-resident values are built from :rid; everything else is a -D variable, sent as
 * a parameter like the app's.
 */
function pgbenchScript(e: CrowdEvent, clients: number, count: number, base: number): { script: string, defines: string[] } {
  const dialect = new PgDialect()
  const now = new Date()
  const expiresAt = new Date(now.getTime() + 3 * 86_400_000)
  const defines: string[] = [`t=0`, `base=${base}`, `count=${count}`, `clients=${clients}`]
  const perResident: Record<string, string> = {
    [USER]: `('crowd-u-' || :rid::text)`,
    [HASH]: `('crowd-h-' || :rid::text)`,
    [SESSION]: `('crowd-s-' || :rid::text)`,
    [VOUCHER_ID]: `gen_random_uuid()`,
    [CODE]: `('P' || :rid::text)`,
  }
  let variable = 0
  const render = (query: { sql: string, params: unknown[] }) => query.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = query.params[Number(n) - 1]
    if (typeof value === 'string' && perResident[value]) return perResident[value]!
    const name = `p${++variable}`
    defines.push(`${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    return `:${name}`
  }).replace(/\s+/g, ' ').trim()
  const db = drizzle.mock({ schema, casing: 'snake_case' })
  const session = render(db.select({ user: schema.users, session: schema.sessions }).from(schema.sessions)
    .innerJoin(schema.users, eq(schema.sessions.userId, schema.users.id)).where(eq(schema.sessions.id, SESSION)).toSQL())
  const facts = render(dialect.sqlToQuery(claimFactsStatement(USER, e.slug, CATEGORY, now)))
  const take = render(dialect.sqlToQuery(takeQualificationStatement({
    caller: { userId: USER, role: 'resident' },
    identityHash: HASH,
    event: { id: e.eventId, slug: e.slug },
    categoryCode: CATEGORY,
    decision: { slot: 1, reservationFen: CAP_FEN, release: { id: e.releaseId } },
    voucher: { id: VOUCHER_ID, code: CODE },
    expiresAt,
    now,
  })))
  const script = [
    '\\set t :t + 1',
    '\\set rid :base + 1 + permute(:client_id + :clients * (:t - 1), :count)',
    `${session};`,
    `select case when f.event_id is not null and json_array_length(f.used_slots) = 0 and exists (select 1 from json_array_elements(f.releases) r where (r->>'claimed')::int < (r->>'quota')::int) then 1 else 0 end as go from (${facts}) f \\gset`,
    '\\if :go',
    `${take};`,
    '\\endif',
    '',
  ].join('\n')
  return { script, defines }
}

async function pgbench(url: string, e: CrowdEvent, clients: number, count: number, base: number): Promise<PgbenchRun> {
  const dir = mkdtempSync(join(tmpdir(), 'crowd-pgbench-'))
  try {
    const { script, defines } = pgbenchScript(e, clients, count, base)
    writeFileSync(join(dir, 'claim.sql'), script)
    const u = new URL(url)
    const args = [
      '-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), '-n', '-M', 'prepared',
      '-f', join(dir, 'claim.sql'), '-c', String(clients), '-j', '2', '-t', String(count / clients),
      '-l', `--log-prefix=${join(dir, 'tx')}`,
      ...defines.flatMap(d => ['-D', d]),
      u.pathname.slice(1),
    ]
    const { code, stdout, stderr } = await new Promise<{ code: number | null, stdout: string, stderr: string }>((resolve, reject) => {
      const child = spawn('pgbench', args, { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } })
      let out = ''
      let err = ''
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString()
      })
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString()
      })
      child.on('error', reject)
      child.on('close', c => resolve({ code: c, stdout: out, stderr: err }))
    })
    if (code !== 0) throw new Error(`pgbench failed (${code}):\n${stderr}\n${stdout}\nscript:\n${script}`)
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1])
    const processed = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1])
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0)
    const latencies: number[] = []
    for (const file of readdirSync(dir).filter(f => f.startsWith('tx'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        const microseconds = Number(line.split(' ')[2])
        if (line && Number.isFinite(microseconds)) latencies.push(microseconds / 1000)
      }
    }
    return { clients, claims: processed, granted: 0, failed, claimsPerSec: tps, latency: summary(latencies) }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------------------
// One configuration: a build, one or two processes, a fresh database.
// ---------------------------------------------------------------------------------------------------------

interface ConfigResult {
  build: 'baseline' | 'current'
  processes: number
  warm: HttpRun
  crowd: HttpRun
  flow: HttpRun[]
  pgbench?: { crowd: PgbenchRun, flow: PgbenchRun[] }
}

/** Servers started and not yet stopped: run() stops them on SIGINT / SIGTERM, so that an interrupted run leaves none behind. */
const running = new Set<StartedServer>()

function stopAllAndExit(): void {
  void Promise.all([...running].map(s => s.stop())).finally(() => process.exit(130))
}

async function runConfig(adminUrl: string, build: 'baseline' | 'current', outputDir: string, processes: number, p: Plan, withPgbench: boolean, runtime?: Runtime): Promise<ConfigResult> {
  const name = `tradein_crowd_${build}_${processes}_${process.pid}`
  await withAdmin(adminUrl, sql => sql.unsafe(`drop database if exists ${name} with (force)`).then(() => sql.unsafe(`create database ${name}`)))
  const url = databaseUrl(adminUrl, name)
  const servers: StartedServer[] = []
  const sql = postgres(url, { max: 2, onnotice: () => {} })
  try {
    for (let i = 0; i < processes; i++) {
      const server = await startBuiltServer({ label: `crowd${i}`, outputDir, database: 'given', env: { DATABASE_URL: url, DEMO_DATA: '0' }, runtime })
      servers.push(server)
      running.add(server)
    }
    let nextResident = 0
    const take = (count: number) => {
      const ids = Array.from({ length: count }, (_, i) => nextResident + i + 1)
      nextResident += count
      return ids
    }
    const warmIds = take(p.warmResidents)
    const crowdIds = take(p.crowdResidents)
    const flowIds = p.flowClients.map(() => take(p.flowResidents))
    await seedResidents(sql, 0, nextResident)
    const pgbenchCrowd = p.pgbenchCrowdClients * Math.floor(p.crowdResidents / p.pgbenchCrowdClients)
    const pgbenchBase = nextResident
    if (withPgbench) await seedResidents(sql, pgbenchBase, pgbenchCrowd + p.flowResidents * p.flowClients.length)
    await sql`analyze`

    const label = `${build}${processes}`
    const measured = async (ids: number[], quota: number, clients: number, tag: string) => {
      const e = await createCrowdEvent(sql, `${label}-${tag}`, quota)
      const result = await httpCrowd(servers, sql, e.slug, ids, clients)
      result.ledger = await ledgerAfter(sql, e)
      for (const failure of result.failures) console.log(`[crowd]   ${failure}`)
      console.log(`[crowd] ${build}, ${processes} process(es), ${tag}: ${result.granted}/${result.claims} granted, ${result.serverErrors} 5xx, ${result.connectionErrors} unanswered, ${result.claimsPerSec.toFixed(0)} claims/s, p99 ${ms(result.latency.p99)}, CPU per claim: app ${result.serverCpuMsPerClaim.toFixed(2)} ms, database ${result.databaseCpuMsPerClaim.toFixed(2)} ms; generator ${result.generatorCpuPct.toFixed(0)} % of a core, machine ${result.machineCpuPct.toFixed(0)} %, load ${result.loadAverage.toFixed(1)}`)
      return result
    }
    const warm = await measured(warmIds, warmIds.length, 32, 'warm')
    const crowd = await measured(crowdIds, p.crowdQuota, p.crowdClients, `crowd${p.crowdClients}`)
    const flow: HttpRun[] = []
    for (const [i, clients] of p.flowClients.entries()) flow.push(await measured(flowIds[i]!, p.flowResidents, clients, `flow${clients}`))
    for (const s of servers.splice(0)) {
      await s.stop()
      running.delete(s)
    }

    let pg: ConfigResult['pgbench']
    if (withPgbench) {
      let base = pgbenchBase
      const replay = async (clients: number, count: number, quota: number, tag: string) => {
        const e = await createCrowdEvent(sql, `${label}-pgbench-${tag}`, quota)
        const result = await pgbench(url, e, clients, count, base)
        base += count
        result.ledger = await ledgerAfter(sql, e)
        result.granted = result.ledger.granted
        console.log(`[crowd] pgbench on the ${build} database, ${tag}: ${result.granted}/${result.claims} granted, ${result.failed} failed, ${result.claimsPerSec.toFixed(0)} claims/s, p99 ${ms(result.latency.p99)}`)
        return result
      }
      const pgCrowd = await replay(p.pgbenchCrowdClients, pgbenchCrowd, p.crowdQuota, `crowd${p.pgbenchCrowdClients}`)
      const pgFlow: PgbenchRun[] = []
      for (const clients of p.flowClients) pgFlow.push(await replay(clients, p.flowResidents, p.flowResidents, `flow${clients}`))
      pg = { crowd: pgCrowd, flow: pgFlow }
    }
    return { build, processes, warm, crowd, flow, pgbench: pg }
  }
  finally {
    for (const s of servers) {
      await s.stop()
      running.delete(s)
    }
    await sql.end({ timeout: 5 })
    await withAdmin(adminUrl, s => s.unsafe(`drop database if exists ${name} with (force)`))
  }
}

// ---------------------------------------------------------------------------------------------------------
// The section.
// ---------------------------------------------------------------------------------------------------------

const perSec = (v: number) => v.toFixed(0)
const pct = (v: number) => `${v.toFixed(0)} %`
const cpuMs = (v: number) => `${v.toFixed(2)} ms`

function markdown(results: ConfigResult[], all: ConfigResult[][], p: Plan, baselineCommit: string | undefined): string {
  const name = (r: ConfigResult) => `${r.build === 'baseline' ? `baseline ${baselineCommit ?? BASELINE_COMMIT}` : 'this build'}, ${r.processes} process${r.processes > 1 ? 'es' : ''}`
  const out: string[] = []
  out.push(`${p.crowdResidents.toLocaleString('en')} verified residents claim a release of ${p.crowdQuota.toLocaleString('en')} at once (${p.crowdClients} clients), through the built server on PostgreSQL; each configuration on a fresh database. "claims/s" counts every answered claim (granted or refused) over the whole run. The machine is shared: each configuration ran ${all.length} time(s), interleaved, and the round with the most crowd claims/s is shown (all rounds are in the JSON). CPU per claim (the app processes' and the database backends' CPU time over the run, divided by the claims) does not depend on what else the machine does.`)
  out.push('')
  out.push(table(
    ['configuration', 'granted', '5xx', 'unanswered', 'claims/s', 'granted/s', 'p50', 'p95', 'p99', 'app CPU / claim', 'DB CPU / claim', 'ledger sound'],
    results.map(r => [name(r), r.crowd.granted, r.crowd.serverErrors, r.crowd.connectionErrors, perSec(r.crowd.claimsPerSec), perSec(r.crowd.grantedPerSec), ms(r.crowd.latency.p50), ms(r.crowd.latency.p95), ms(r.crowd.latency.p99), cpuMs(r.crowd.serverCpuMsPerClaim), cpuMs(r.crowd.databaseCpuMsPerClaim), r.crowd.ledger?.sound ? 'yes' : 'NO']),
  ))
  out.push('')
  out.push(`Every claim takes the hot rows: ${p.flowResidents.toLocaleString('en')} residents, a release of as many, at ${p.flowClients.join(' and ')} clients.`)
  out.push('')
  out.push(table(
    ['configuration', ...p.flowClients.flatMap(c => [`claims/s @${c}`, `p99 @${c}`]), `@${p.flowClients.at(-1)} ÷ @${p.flowClients[0]}`, 'app / DB CPU per claim', '5xx', 'all granted, ledger sound'],
    results.map(r => [name(r), ...r.flow.flatMap(f => [perSec(f.claimsPerSec), ms(f.latency.p99)]), ratio(r.flow.at(-1)!.claimsPerSec / r.flow[0]!.claimsPerSec), `${cpuMs(r.flow.at(-1)!.serverCpuMsPerClaim)} / ${cpuMs(r.flow.at(-1)!.databaseCpuMsPerClaim)}`, r.flow.reduce((n, f) => n + f.serverErrors, 0), r.flow.every(f => f.ledger?.sound && f.granted === f.claims) ? 'yes' : 'NO']),
  ))
  const withPg = results.filter(r => r.pgbench)
  if (withPg.length > 0) {
    out.push('')
    out.push(`pgbench replaying this build's claim statements (session read, claim facts, claim write; prepared) on the same database right after the HTTP runs, random resident ids, the same shapes: the crowd (${withPg[0]!.pgbench!.crowd.claims.toLocaleString('en')} residents, a release of ${p.crowdQuota.toLocaleString('en')}, ${p.pgbenchCrowdClients} clients: PostgreSQL here takes 100 connections) and the flow runs. "HTTP ÷ pgbench" is the build's claims/s over pgbench's at the same shape.`)
    out.push('')
    out.push(table(
      ['database of', 'run', 'pgbench claims/s', 'pgbench p99', 'granted', 'HTTP claims/s', 'HTTP ÷ pgbench'],
      withPg.flatMap(r => [
        [name(r), `crowd (HTTP ${p.crowdClients} clients, pgbench ${p.pgbenchCrowdClients})`, perSec(r.pgbench!.crowd.claimsPerSec), ms(r.pgbench!.crowd.latency.p99), r.pgbench!.crowd.granted, perSec(r.crowd.claimsPerSec), ratio(r.crowd.claimsPerSec / r.pgbench!.crowd.claimsPerSec)],
        ...r.pgbench!.flow.map((f, i) => [name(r), `flow @${f.clients}`, perSec(f.claimsPerSec), ms(f.latency.p99), f.granted, perSec(r.flow[i]!.claimsPerSec), ratio(r.flow[i]!.claimsPerSec / f.claimsPerSec)]),
      ]),
    ))
  }
  const pairs = [1, 2].map(n => [results.find(r => r.build === 'baseline' && r.processes === n), results.find(r => r.build === 'current' && r.processes === n)] as const)
    .filter(([b, c]) => b && c)
  if (pairs.length > 0) {
    out.push('')
    out.push('This build against the baseline:')
    out.push('')
    out.push(table(
      ['processes', 'crowd claims/s before → after', 'after ÷ before', 'crowd p99 before → after', 'app + DB CPU per crowd claim before → after', `flow @${p.flowClients.at(-1)} claims/s after ÷ before`],
      pairs.map(([b, c]) => [
        c!.processes,
        `${perSec(b!.crowd.claimsPerSec)} → ${perSec(c!.crowd.claimsPerSec)}`,
        ratio(c!.crowd.claimsPerSec / b!.crowd.claimsPerSec),
        `${ms(b!.crowd.latency.p99)} → ${ms(c!.crowd.latency.p99)}`,
        `${cpuMs(b!.crowd.serverCpuMsPerClaim + b!.crowd.databaseCpuMsPerClaim)} → ${cpuMs(c!.crowd.serverCpuMsPerClaim + c!.crowd.databaseCpuMsPerClaim)}`,
        ratio(c!.flow.at(-1)!.claimsPerSec / b!.flow.at(-1)!.claimsPerSec),
      ]),
    ))
  }
  out.push('')
  out.push('Conditions of the runs shown (the load generator runs in the benchmark process, node:http with keep-alive; its CPU as a share of one core, the machine\'s as a share of both cores; the load average counts everything on the machine):')
  out.push('')
  out.push(table(
    ['configuration', 'run', 'generator CPU', 'machine CPU', 'load average at start', 'refusals'],
    results.flatMap(r => [r.crowd, ...r.flow].map((x, i) => [name(r), i === 0 ? `crowd @${x.clients}` : `flow @${x.clients}`, pct(x.generatorCpuPct), pct(x.machineCpuPct), x.loadAverage.toFixed(1), Object.entries(x.codes).map(([c, n]) => `${c} ${n}`).join(', ') || '—'])),
  ))
  return out.join('\n')
}

export async function run(context: BenchContext): Promise<BenchSection> {
  const p = plan(context.quick)
  if (!context.postgresAdminUrl) {
    return { id: 'crowd', title: 'The 10:00 crowd (claims on PostgreSQL)', markdown: '_Skipped: no PostgreSQL reachable._', results: { skipped: 'no PostgreSQL' } }
  }
  const builds: Array<['baseline' | 'current', string]> = []
  if (context.baselineOutput) builds.push(['baseline', context.baselineOutput])
  builds.push(['current', context.currentOutput])
  const rounds = Math.max(1, Number(process.env.BENCH_CROWD_ROUNDS ?? (context.quick ? 1 : 2)))
  const all: ConfigResult[][] = []
  process.once('SIGINT', stopAllAndExit).once('SIGTERM', stopAllAndExit)
  try {
    for (let round = 0; round < rounds; round++) {
      const results: ConfigResult[] = []
      for (const processes of [1, 2]) {
        for (const [build, output] of builds) results.push(await runConfig(context.postgresAdminUrl, build, output, processes, p, build === 'current', build === 'baseline' ? context.baselineRuntime : undefined))
      }
      all.push(results)
    }
  }
  finally {
    process.off('SIGINT', stopAllAndExit).off('SIGTERM', stopAllAndExit)
  }
  // Per configuration, the round with the most crowd claims/s: the one least disturbed by other work.
  const best = all[0]!.map((_, i) => all.map(r => r[i]!).reduce((a, b) => (b.crowd.claimsPerSec > a.crowd.claimsPerSec ? b : a)))
  return {
    id: 'crowd',
    title: 'The 10:00 crowd (claims on PostgreSQL)',
    markdown: markdown(best, all, p, context.baselineCommit),
    results: { plan: p, baselineCommit: context.baselineCommit, shown: best, rounds: all },
  }
}

function baselineOutput(): string | undefined {
  if (process.env.BENCH_BASELINE_OUTPUT === 'none') return undefined
  const candidates = [process.env.BENCH_BASELINE_OUTPUT, '/tmp/base/output', `/tmp/baseline-${BASELINE_COMMIT}/.output`]
  return candidates.find(dir => dir && existsSync(join(dir, 'server/index.mjs')))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await run({
    root,
    currentOutput: join(root, '.output'),
    baselineOutput: baselineOutput(),
    baselineCommit: BASELINE_COMMIT,
    postgresAdminUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    quick: process.env.BENCH_QUICK === '1',
  })
  writeResults(section)
  writeFileSync(join(root, 'bench/results/crowd.md'), `## ${section.title}\n\n${section.markdown}\n`)
  console.log(`\n## ${section.title}\n\n${section.markdown}`)
}
