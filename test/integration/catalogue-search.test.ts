import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DomainError } from '#shared/domain/errors'
import { productListQuerySchema } from '#shared/schemas/public'
import { openDatabase, type DatabaseHandle } from '~~/server/db/client'
import { applyMigrations, folderSource } from '~~/server/db/migrate'
import { products } from '~~/server/db/schema'
import { buildBulkProducts } from '~~/server/db/seed/bulk-products'
import { seedDemoData } from '~~/server/db/seed/demo'
import { seedReferenceData } from '~~/server/db/seed/reference'
import { listProducts } from '~~/server/services/catalogue'
import { referenceListProducts } from '../support/catalogue-search-reference'

/**
 * The planned catalogue search (listProducts: brand parts, model grams, ordered indexes) answers exactly as
 * the search written at 7f8eb6b (one LIKE per word on search_key): the same items in the same order and the
 * same total, for several hundred searches over the demo catalogue, 3,000 generated products and a few made
 * to be awkward. It runs on this run's engine: a database of its own on the PostgreSQL server of the run
 * (DATABASE_URL), else an embedded PGlite directory.
 */

const root = new URL('../..', import.meta.url).pathname
const databaseUrl = inject('databaseUrl')
let handle: DatabaseHandle
let dropOwnDatabase: () => Promise<void> = async () => {}

const now = new Date()
/** Products made to be awkward; models unique to this file so they never collide with the catalogue. */
const AWKWARD: Array<typeof products.$inferInsert> = [
  // A brand whose products carry two aliases (an older import before the alias was known): split by alias.
  { brand: '格力', brandAlias: null, model: 'ORACLE-KFR-35GW/Old1', categoryCode: 'ac', energyGrade: 2, filedPriceFen: 399_900 },
  { brand: '格力', brandAlias: '', model: 'ORACLE-KFR-26GW/Old2', categoryCode: 'ac', energyGrade: 1, filedPriceFen: 299_900 },
  // A model that starts with a word that is inside its brand but does not start it (尔 in 海尔): the one
  // product of the brand that leads the relevance order, however long its model.
  { brand: '海尔', brandAlias: 'Haier', model: '尔ORACLE-BCD-470WGHTDE9S9-LONG-EDITION', categoryCode: 'fridge', energyGrade: 3, filedPriceFen: 999_900 },
  // A model that holds another brand's name: 美的 and 联名 must find it through the model.
  { brand: 'TCL', brandAlias: null, model: '美的联名 MR-200', categoryCode: 'fridge', energyGrade: 1, filedPriceFen: 459_900 },
  // LIKE wildcards in a brand and alias.
  { brand: '测试%品牌', brandAlias: 'Pct_Brand', model: 'P-100', categoryCode: 'fridge', energyGrade: 3, filedPriceFen: 199_900 },
  // A '|' in a brand and in a model: a word may then span the parts of search_key.
  { brand: 'X|Y', brandAlias: null, model: 'Z1', categoryCode: 'phone', filedPriceFen: 99_900 },
  { brand: '小米', brandAlias: 'Xiaomi', model: 'A|B 12', categoryCode: 'phone', filedPriceFen: 199_900 },
  // Letters that lower() and JavaScript may case differently.
  { brand: 'ÉLAN', brandAlias: null, model: 'Ö-1 ΣΑΣ', categoryCode: 'tv', energyGrade: 2, filedPriceFen: 299_900 },
  // A retired product is never listed.
  { brand: '美的', brandAlias: 'Midea', model: 'ORACLE-RETIRED-1', categoryCode: 'fridge', energyGrade: 1, filedPriceFen: 299_900, retiredAt: now },
]

beforeAll(async () => {
  if (databaseUrl) {
    const admin = new URL(databaseUrl)
    admin.pathname = '/postgres'
    const name = `tradein_search_oracle_${process.pid}_${Date.now()}`
    const client = postgres(admin.toString(), { max: 1, onnotice: () => {} })
    await client.unsafe(`create database "${name}"`)
    await client.end({ timeout: 5 })
    const url = new URL(databaseUrl)
    url.pathname = `/${name}`
    handle = await openDatabase({ url: url.toString(), max: 4 })
    dropOwnDatabase = async () => {
      const again = postgres(admin.toString(), { max: 1, onnotice: () => {} })
      await again.unsafe(`drop database if exists "${name}" with (force)`)
      await again.end({ timeout: 5 })
    }
  }
  else {
    const dir = mkdtempSync(join(tmpdir(), 'tradein-search-oracle-'))
    handle = await openDatabase({ dataDir: dir })
    dropOwnDatabase = async () => rmSync(dir, { recursive: true, force: true })
  }
  await applyMigrations(handle, await folderSource(join(root, 'server/db/migrations')))
  await seedReferenceData(handle.db)
  await seedDemoData(handle.db, now, 'search oracle identity key, not a secret')
  const bulk = buildBulkProducts(3000, 11)
  for (let i = 0; i < bulk.length; i += 1000) await handle.db.insert(products).values(bulk.slice(i, i + 1000)).onConflictDoNothing()
  await handle.db.insert(products).values(AWKWARD)
  await handle.db.execute(sql`analyze products`)
}, 180_000)

afterAll(async () => {
  await handle?.close()
  await dropOwnDatabase()
})

const WORDS = [
  // Two-character brands, one character of a brand, the middle or end of a brand.
  '格力', '美的', '海尔', '海信', '小米', '方太', '华帝', '美', '海', '尔', '的', '史密斯', '统帅', '海尔统帅',
  // Latin aliases, whole and in part, in any case; a brand written with its separators.
  'gree', 'GREE', 'Midea', 'mid', 'haier', 'ai', 'leader', 'xiaomi', 'A.O.史密斯', 'ao', 'a.o', 'AOS', 'aoSmith', 'tcl',
  // Model fragments of every length, digits, one letter.
  'kfr', 'KFR-35', 'kfr35gw', 'bcd', 'BCD-470', 'mr', 'jsq', '35', '72', '1', 'a', 'e', 'w', 'gw',
  // The awkward products: a brand inside a model, wildcards, '|', case, retired.
  '美的联名', '联名', 'mr200', '%', '_', 't_b', 'pct', '测试%', 'x|y', 'x', 'y', 'a|b', 'mi|a', '|', 'élan', 'ÉLAN', 'ö', 'σας', 'oracle', 'retired', 'old1',
  // Words that find nothing.
  '不存在', 'zzzz', 'qq',
]

const VARIANTS = [
  '', 'page=2&pageSize=5', 'sort=price_asc', 'sort=price_desc', 'sort=grade', 'sort=brand', 'category=ac', 'category=fridge&sort=price_desc',
  'grade=1', 'minPriceFen=300000&maxPriceFen=600000', 'brand=%E7%BE%8E%E7%9A%84', 'brand=gree', 'brand=GREE&sort=price_asc',
  'event=appliance-2026', 'event=appliance-2026&sort=grade&page=2&pageSize=10', 'pageSize=100', 'page=3&pageSize=7&sort=brand',
  // Events whose rules name other grades: no label only, every grade with a fixed amount, rates and no label.
  'event=digital-2027', 'event=car-show-2026&sort=price_desc', 'event=home-2026&sort=grade', 'event=gas-2026&grade=2',
]

function searches(models: string[]): string[] {
  const out = new Set<string>()
  const e = encodeURIComponent
  WORDS.forEach((word, i) => {
    out.add(`q=${e(word)}`)
    out.add(`q=${e(word)}&${VARIANTS[i % VARIANTS.length]}`)
    out.add(`q=${e(word)}&${VARIANTS[(i * 7 + 3) % VARIANTS.length]}`)
  })
  // Fragments of real models at several offsets and lengths, alone, after a brand and before one.
  models.forEach((model, i) => {
    const from = i % 4
    const fragment = model.slice(from, from + 2 + (i % 5))
    out.add(`q=${e(fragment)}&${VARIANTS[i % VARIANTS.length]}`)
    out.add(`q=${e(`${WORDS[i % 14]} ${fragment}`)}`)
    out.add(`q=${e(`${fragment} ${WORDS[(i + 5) % 14]}`)}&${VARIANTS[(i + 2) % VARIANTS.length]}`)
    out.add(`q=${e(`${WORDS[14 + (i % 14)]} ${fragment} ${model.slice(-2)}`)}`)
  })
  for (const variant of VARIANTS) out.add(variant)
  for (const brand of ['格力', 'gree', 'Midea', 'haier', '测试%品牌', 'pct_brand', 'X|Y', 'élan', '不存在']) out.add(`brand=${e(brand)}&sort=brand`)
  return [...out]
}

describe('the planned catalogue search', () => {
  it('answers every search exactly as one LIKE per word on search_key did', async () => {
    const sample = await handle.db.select({ model: products.model }).from(products).orderBy(products.id).limit(60)
    const all = searches(sample.map(r => r.model))
    expect(all.length).toBeGreaterThan(300)
    const differing: string[] = []
    let found = 0
    for (const text of all) {
      const query = productListQuerySchema.parse(Object.fromEntries(new URLSearchParams(text)))
      const [planned, reference] = await Promise.all([listProducts(handle.db, query), referenceListProducts(handle.db, query)])
      if (JSON.stringify(planned) !== JSON.stringify(reference)) differing.push(text)
      if (reference.total > 0) found++
    }
    expect(differing).toEqual([])
    // The searches are worth comparing: most of them find something.
    expect(found).toBeGreaterThan(all.length / 2)
  }, 240_000)

  it('finds a brand or alias that products bring after the pairs were read', async () => {
    const search = async (q: string) => {
      const query = productListQuerySchema.parse({ q, pageSize: 100 })
      const [planned, reference] = await Promise.all([listProducts(handle.db, query), referenceListProducts(handle.db, query)])
      expect(planned, q).toEqual(reference)
      return planned.total
    }
    expect(await search('奇特')).toBe(0)
    const [added] = await handle.db.insert(products)
      .values({ brand: '新奇特', brandAlias: 'Xinqite', model: 'ORACLE-QQ-1', categoryCode: 'tv', energyGrade: 1, filedPriceFen: 199_900 })
      .returning({ id: products.id })
    expect(await search('奇特')).toBe(1)
    expect(await search('xinqi')).toBe(1)
    await handle.db.update(products).set({ brandAlias: 'QiteTwo' }).where(sql`${products.id} = ${added!.id}`)
    expect(await search('qitetwo')).toBe(1)
    expect(await search('xinqi')).toBe(0)
  })

  it('refuses an event filter that names no public event, as before', async () => {
    const query = productListQuerySchema.parse({ q: '格力', event: 'no-such-event' })
    await expect(listProducts(handle.db, query)).rejects.toBeInstanceOf(DomainError)
    await expect(referenceListProducts(handle.db, query)).rejects.toBeInstanceOf(DomainError)
  })
})
