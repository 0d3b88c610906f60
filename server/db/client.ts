import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { SQL } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema'

/**
 * One type for both drivers: Drizzle's typed query API behaves the same on PGlite and postgres.js.
 * Raw `execute()` results differ between them: read them with executeRows.
 */
export type Database = PostgresJsDatabase<typeof schema>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

/** Rows of a raw statement on any executor (postgres.js answers an array, PGlite `{ rows }`). */
export async function executeRows<T>(db: Executor, query: Parameters<Database['execute']>[0]): Promise<T[]> {
  const result = await db.execute(query) as unknown
  if (Array.isArray(result)) return Array.from(result) as T[]
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}
export type Executor = Database | Transaction

const dialect = new PgDialect({ casing: 'snake_case' })

type PostgresClient = ReturnType<typeof postgres>

function postgresClientOf(db: Executor): PostgresClient | undefined {
  const client = (db as { $client?: unknown }).$client
  return typeof client === 'function' && typeof (client as Partial<PostgresClient>).unsafe === 'function' ? client as PostgresClient : undefined
}

/**
 * executeRows for a statement sent very often (the claim path): on PostgreSQL outside a transaction it is
 * sent as a named prepared statement, so each connection parses and plans it once instead of on every
 * call (Drizzle's execute never prepares; planning was most of the database's work per claim). Elsewhere
 * (PGlite, inside a transaction) it is executeRows.
 */
export async function executePrepared<T>(db: Executor, query: SQL): Promise<T[]> {
  const client = postgresClientOf(db)
  if (!client) return executeRows<T>(db, query)
  const { sql, params } = dialect.sqlToQuery(query)
  return Array.from(await client.unsafe(sql, params as never[], { prepare: true })) as T[]
}

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
      rows: query => executeRows(db, query),
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
    rows: query => executeRows(db, query),
    withSingleConnection: fn => fn(db),
    close: () => pglite.close(),
  }
}
