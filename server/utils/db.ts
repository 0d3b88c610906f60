import { sql } from 'drizzle-orm'
import { useStorage } from 'nitropack/runtime'
import { openDatabase, type Database, type DatabaseHandle } from '~~/server/db/client'
import { applyMigrations, type MigrationSource, type JournalEntry } from '~~/server/db/migrate'
import { seedReferenceData } from '~~/server/db/seed/reference'
import { isDatabaseEmpty, seedDemoData } from '~~/server/db/seed/demo'
import { ensureAdministrator } from '~~/server/services/accounts'
import { identityHashKey } from './identity-key'

export interface DatabaseSettings {
  url: string | undefined
  dataDir: string
  demoData: boolean
}

export function databaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const url = env.DATABASE_URL?.trim() || undefined
  const demoDefault = url ? '0' : '1'
  return {
    url,
    dataDir: env.PGLITE_DATA_DIR?.trim() || './.data/db',
    demoData: (env.DEMO_DATA?.trim() || demoDefault) === '1',
  }
}

/** Migrations are bundled with the server as assets (nuxt.config `nitro.serverAssets`), so a build runs anywhere. */
function bundledMigrations(): MigrationSource {
  const storage = useStorage('assets:migrations')
  return {
    journal: { entries: [] as JournalEntry[] },
    async read(tag) {
      const text = await storage.getItem<string>(`${tag}.sql`)
      if (typeof text !== 'string') throw new Error(`migration ${tag}.sql is missing from the build`)
      return text
    },
  }
}

async function loadJournal(): Promise<{ entries: JournalEntry[] }> {
  const journal = await useStorage('assets:migrations').getItem<{ entries: JournalEntry[] }>('meta:_journal.json')
  if (!journal?.entries) throw new Error('meta/_journal.json is missing from the build')
  return journal
}

async function start(): Promise<DatabaseHandle> {
  const settings = databaseSettings()
  if (!settings.url) {
    const { mkdir } = await import('node:fs/promises')
    await mkdir(settings.dataDir, { recursive: true })
  }
  const handle = await openDatabase({ url: settings.url, dataDir: settings.url ? undefined : settings.dataDir })
  const source = bundledMigrations()
  source.journal = await loadJournal()
  const applied = await applyMigrations(handle, source)
  await seedReferenceData(handle.db)
  if (settings.demoData && await isDatabaseEmpty(handle.db)) {
    const now = new Date()
    const counts = await seedDemoData(handle.db, now, identityHashKey())
    console.info(`[db] demo data loaded: ${counts.events} events, ${counts.products} products, ${counts.merchants} merchants, ${counts.residents} residents with ${counts.qualifications} qualifications and ${counts.redemptions} redemptions, one account per role`)
  }
  const admin = bootstrapAdministrator()
  if (admin) {
    const outcome = await ensureAdministrator(handle.db, admin.phone, admin.password)
    console.info(`[auth] bootstrap administrator ${outcome}`)
  }
  console.info(`[db] ${handle.driver === 'pglite' ? `embedded PGlite at ${settings.dataDir}` : 'PostgreSQL'} ready (${applied} migrations known)`)
  return handle
}

function bootstrapAdministrator(): { phone: string, password: string } | null {
  const phone = process.env.BOOTSTRAP_ADMIN_PHONE?.trim()
  const password = process.env.BOOTSTRAP_ADMIN_PASSWORD
  if (!phone && !password) return null
  if (!phone || !password || !/^1[3-9]\d{9}$/.test(phone) || password.length < 10) {
    throw new Error('BOOTSTRAP_ADMIN_PHONE must be a mainland mobile number and BOOTSTRAP_ADMIN_PASSWORD at least 10 characters')
  }
  return { phone, password }
}

let ready: Promise<DatabaseHandle> | undefined

/** Memoized: the first caller starts the database (migrations, reference data, demo data); all others wait for it. */
export function databaseReady(): Promise<DatabaseHandle> {
  ready ??= start()
  return ready
}

export async function useDb(): Promise<Database> {
  return (await databaseReady()).db
}

/** Health: the database answers a trivial query within `timeoutMs` (false while it starts or when it is gone). */
export async function databaseReachable(timeoutMs = 5000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database did not answer in time')), timeoutMs)
  })
  try {
    const handle = await Promise.race([databaseReady(), timeout])
    await Promise.race([handle.db.execute(sql`select 1`), timeout])
    return true
  }
  catch {
    return false
  }
  finally {
    clearTimeout(timer)
  }
}
