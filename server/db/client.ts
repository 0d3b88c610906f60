import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema'

/**
 * One type for both drivers: Drizzle's typed query API behaves the same on PGlite and postgres.js.
 * Raw `execute()` results differ between them, so code outside this folder does not use it.
 */
export type Database = PostgresJsDatabase<typeof schema>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
export type Executor = Database | Transaction

export interface DatabaseHandle {
  db: Database
  driver: 'pglite' | 'postgres'
  /** Runs `fn` on a database that holds exactly one connection (session-level locks need that). */
  withSingleConnection<T>(fn: (db: Database) => Promise<T>): Promise<T>
  /** Rows of a raw statement, the same shape on both drivers. */
  rows<T>(query: Parameters<Database['execute']>[0]): Promise<T[]>
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent an embedded PGlite database is used. */
  url?: string
  /** PGlite data directory (one per process: PGlite has no cross-process lock). */
  dataDir?: string
  /** postgres.js pool size. */
  max?: number
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: {
        application_name: 'jianghai-trade-in',
        // Solid-state storage: random reads cost little more than sequential ones. With the default (4)
        // the planner skips the catalogue's trigram index for common searches (bench/run.ts shows it).
        random_page_cost: '1.1',
      },
    })
    const db = drizzlePostgres(client, { schema, casing: 'snake_case' })
    return {
      db,
      driver: 'postgres',
      rows: async query => Array.from(await db.execute(query)) as never,
      async withSingleConnection(fn) {
        const single = postgres(options.url!, { max: 1, onnotice: () => {} })
        try {
          return await fn(drizzlePostgres(single, { schema, casing: 'snake_case' }))
        }
        finally {
          await single.end({ timeout: 5 })
        }
      },
      close: () => client.end({ timeout: 5 }),
    }
  }
  const pglite = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } })
  await pglite.exec('SET random_page_cost = 1.1')
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' }) as unknown as Database
  return {
    db,
    driver: 'pglite',
    rows: async query => ((await db.execute(query)) as unknown as { rows: never[] }).rows,
    withSingleConnection: fn => fn(db),
    close: () => pglite.close(),
  }
}
