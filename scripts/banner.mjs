// What `npm start` prints once the portal answers: where it is and how to sign in.
export const DEMO_LOGINS = []

export function printBanner(url) {
  const embedded = !process.env.DATABASE_URL
  const lines = [
    '',
    '  江海区以旧换新服务平台 is running',
    `  Open ${url}  (phone view: your browser's device toolbar, 390 × 844)`,
    `  Database: ${embedded ? `embedded PGlite in ${process.env.PGLITE_DATA_DIR || './.data/db'}` : 'PostgreSQL (DATABASE_URL)'}`,
  ]
  if (DEMO_LOGINS.length > 0) {
    lines.push('  Demo logins (phone / password):')
    for (const login of DEMO_LOGINS) lines.push(`    ${login.role.padEnd(9)} ${login.phone} / ${login.password}`)
  }
  lines.push('')
  console.log(lines.join('\n'))
}
