import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

let key: string | undefined

/**
 * IDENTITY_HASH_KEY, or (for the embedded database and development) a key generated once and kept in
 * ./.data. Production deployments set the variable: a key kept next to the data protects nothing.
 */
export function identityHashKey(): string {
  if (key) return key
  const configured = process.env.IDENTITY_HASH_KEY?.trim()
  if (configured) {
    if (configured.length < 32) throw new Error('IDENTITY_HASH_KEY must be at least 32 characters')
    key = configured
    return key
  }
  if (process.env.DATABASE_URL) console.warn('[identity] IDENTITY_HASH_KEY is not set: using a generated key in ./.data. Set it in production.')
  const dir = process.env.DATA_DIR?.trim() || './.data'
  const file = join(dir, 'identity-hash-key')
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' })
    }
    catch (error) {
      // Another process made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  key = readFileSync(file, 'utf8').trim()
  return key
}
