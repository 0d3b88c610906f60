import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from './client'

export interface JournalEntry { idx: number, when: number, tag: string, breakpoints: boolean }
export interface MigrationSource {
  journal: { entries: JournalEntry[] }
  /** The SQL text of one migration, by its journal tag. */
  read(tag: string): Promise<string>
}

interface MigrationMeta { sql: string[], folderMillis: number, hash: string, bps: boolean }
interface Migrator {
  dialect: { migrate(m: MigrationMeta[], session: unknown, config: { migrationsFolder: string }): Promise<void> }
  session: unknown
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('')
}

// An arbitrary constant: several app processes starting together on one PostgreSQL take turns.
const MIGRATION_LOCK = 7_250_401

/**
 * Applies the generated migrations (server/db/migrations) in order, in one transaction, exactly as
 * drizzle-kit's migrator would, but reading them from wherever the build put them.
 */
export async function applyMigrations(handle: DatabaseHandle, source: MigrationSource): Promise<number> {
  const migrations: MigrationMeta[] = []
  for (const entry of [...source.journal.entries].sort((a, b) => a.idx - b.idx)) {
    const text = await source.read(entry.tag)
    migrations.push({ sql: text.split('--> statement-breakpoint'), bps: entry.breakpoints, folderMillis: entry.when, hash: await sha256Hex(text) })
  }
  await handle.withSingleConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`)
    try {
      const migrator = db as unknown as Migrator
      await migrator.dialect.migrate(migrations, migrator.session, { migrationsFolder: '' })
    }
    finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`)
    }
  })
  return migrations.length
}

/** Reads migrations from a folder on disk (tests, scripts). */
export async function folderSource(folder: string): Promise<MigrationSource> {
  const { readFile } = await import('node:fs/promises')
  const journal = JSON.parse(await readFile(`${folder}/meta/_journal.json`, 'utf8'))
  return { journal, read: tag => readFile(`${folder}/${tag}.sql`, 'utf8') }
}
