// What `npm start` prints once the portal answers: where it is and how to sign in.
import { readFileSync } from 'node:fs'

const { accounts } = JSON.parse(readFileSync(new URL('../server/db/seed/demo-accounts.json', import.meta.url), 'utf8'))

export function printBanner(url) {
  const embedded = !process.env.DATABASE_URL
  const demo = (process.env.DEMO_DATA ?? (embedded ? '1' : '0')) === '1'
  const lines = [
    '',
    '  江海区以旧换新服务平台 is running',
    `  Open ${url}  (phone view: your browser's device toolbar, 390 × 844)`,
    `  Database: ${embedded ? `embedded PGlite in ${process.env.PGLITE_DATA_DIR || './.data/db'}` : 'PostgreSQL (DATABASE_URL)'}`,
  ]
  if (demo) {
    lines.push(`  Demo logins (sign in at ${url}/login):`)
    for (const a of accounts) lines.push(`    ${a.role.padEnd(9)} ${a.phone} / ${a.password.padEnd(20)} ${a.note}`)
  }
  lines.push('')
  console.log(lines.join('\n'))
}
