/**
 * Proves the seed data satisfies every database constraint: an in-memory PGlite, the real migrations,
 * reference data (twice, to show it is idempotent), the demo data set, and 20,000 load-test products.
 *
 *   npx tsx scripts/seed-check.ts
 */
import { sql } from 'drizzle-orm'
import { openDatabase } from '~~/server/db/client'
import { applyMigrations, folderSource } from '~~/server/db/migrate'
import {
  brands,
  categories,
  eventEnrolments,
  eventRules,
  events,
  merchantCategories,
  merchants,
  products,
  promotionCategories,
  promotions,
  qualificationReleases,
  redemptions,
  users,
  vouchers,
} from '~~/server/db/schema'
import { buildBulkProducts } from '~~/server/db/seed/bulk-products'
import { isDatabaseEmpty, seedDemoData } from '~~/server/db/seed/demo'
import { seedReferenceData } from '~~/server/db/seed/reference'

const BULK = 20_000

async function main(): Promise<void> {
  const started = performance.now()
  const handle = await openDatabase({})
  try {
    const migrations = await applyMigrations(handle, await folderSource('server/db/migrations'))
    const { db } = handle
    console.log(`migrations applied: ${migrations}`)

    await seedReferenceData(db)
    // Every start runs it again: rows that did not change are not rewritten (same xmin)…
    const versions = async (): Promise<string> => (await handle.rows<{ v: string }>(sql`select string_agg(xmin::text, ',' order by code) as v from categories`))[0]?.v ?? ''
    const before = await versions()
    await seedReferenceData(db)
    if (await versions() !== before) throw new Error('seedReferenceData rewrote unchanged categories')
    // …and a changed row is put back.
    await db.update(categories).set({ nameZh: '冰柜' }).where(sql`${categories.code} = 'fridge'`)
    await seedReferenceData(db)
    const [fridge] = await db.select({ nameZh: categories.nameZh }).from(categories).where(sql`${categories.code} = 'fridge'`)
    if (fridge?.nameZh !== '冰箱') throw new Error('seedReferenceData did not restore a changed category')
    console.log('reference data: idempotent, unchanged rows untouched, changed rows restored')
    console.log(`database empty before demo seed: ${await isDatabaseEmpty(db)}`)

    const now = new Date()
    const seedStarted = performance.now()
    const seeded = await seedDemoData(db, now, 'seed-check identity key, not a secret')
    console.log(`demo seed in ${(performance.now() - seedStarted).toFixed(0)} ms: ${JSON.stringify(seeded)}`)
    console.log(`database empty after demo seed: ${await isDatabaseEmpty(db)}`)

    const tables = { categories, brands, events, eventRules, qualificationReleases, products, merchants, merchantCategories, eventEnrolments, promotions, promotionCategories, users, vouchers, redemptions }
    for (const [name, table] of Object.entries(tables)) {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table)
      console.log(`  ${name.padEnd(22)} ${row?.n ?? 0}`)
    }

    // Every figure reconciles with the rows behind it.
    const [ledger] = await handle.rows<{ bad: number }>(sql`
      select count(*)::int as bad from events e
      where e.reserved_fen <> coalesce((select sum(cap_fen) from vouchers v where v.event_id = e.id and v.status = 'active'), 0)
         or e.spent_fen <> coalesce((select sum(subsidy_fen) from redemptions r where r.event_id = e.id and r.status = 'completed'), 0)
         or exists (select 1 from qualification_releases q where q.event_id = e.id
                    and q.claimed <> (select count(*) from vouchers v where v.release_id = q.id and v.status in ('active', 'redeemed')))`)
    if (ledger?.bad !== 0) throw new Error(`${ledger?.bad} demo events do not reconcile with their qualifications and sales`)
    console.log('demo ledger: every event reconciles with its qualifications and sales')

    // The search key the catalogue search relies on: "kfr35" finds the 格力 KFR-35GW/NhAa1BAj, "gree" finds 格力.
    const found = await db.select({ brand: products.brand, model: products.model }).from(products)
      .where(sql`${products.searchKey} like ${'%kfr35gwnhaa1baj%'} and ${products.searchKey} like ${'%gree%'}`)
    console.log(`search 'kfr35gwnhaa1baj' + 'gree': ${found.map(f => `${f.brand} ${f.model}`).join(', ')}`)

    let t = performance.now()
    const bulk = buildBulkProducts(BULK)
    const builtMs = performance.now() - t
    t = performance.now()
    for (let i = 0; i < bulk.length; i += 1000) await db.insert(products).values(bulk.slice(i, i + 1000))
    const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(products)
    console.log(`bulk: built ${BULK} in ${builtMs.toFixed(0)} ms, inserted in ${(performance.now() - t).toFixed(0)} ms; products now ${total?.n ?? 0}`)

    t = performance.now()
    const big = buildBulkProducts(100_000)
    console.log(`bulk: built ${big.length} in ${(performance.now() - t).toFixed(0)} ms`)

    console.log(`OK in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  finally {
    await handle.close()
  }
}

// A failure rejects the top-level await, which exits non-zero.
await main()
