import { startBuiltServer } from '../support/server'

/** One built portal on a fresh embedded database (PGlite) with the demo data, for all browser tests. */
export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) return undefined
  const saved = process.env.DATABASE_URL
  delete process.env.DATABASE_URL
  try {
    const server = await startBuiltServer({ label: 'e2e' })
    process.env.E2E_BASE_URL = server.url
    return async () => server.stop()
  }
  finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved
  }
}
