/**
 * Loads the demo data set (demo-data.ts) into an empty database. Reference data (categories, brands) must
 * already be there: run seedReferenceData first.
 */
import { sql } from 'drizzle-orm'
import type { Database, Executor } from '~~/server/db/client'
import {
  eventEnrolments,
  eventRules,
  events,
  merchantCategories,
  merchants,
  products,
  promotionCategories,
  promotions,
  qualificationReleases,
} from '~~/server/db/schema'
import { buildDemoData } from './demo-data'

const PRODUCT_BATCH = 500
const ROW_BATCH = 1000

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

export interface DemoSeedCounts {
  products: number
  merchants: number
  events: number
}

export async function seedDemoData(db: Database, now: Date): Promise<DemoSeedCounts> {
  const data = buildDemoData(now)
  await db.transaction(async (tx) => {
    // Foreign-key order: events → rules, releases; products; merchants → categories, enrolments; promotions.
    for (const batch of chunks(data.events, ROW_BATCH)) await tx.insert(events).values(batch)
    for (const batch of chunks(data.eventRules, ROW_BATCH)) await tx.insert(eventRules).values(batch)
    for (const batch of chunks(data.qualificationReleases, ROW_BATCH)) await tx.insert(qualificationReleases).values(batch)
    for (const batch of chunks(data.products, PRODUCT_BATCH)) await tx.insert(products).values(batch)
    for (const batch of chunks(data.merchants, ROW_BATCH)) await tx.insert(merchants).values(batch)
    for (const batch of chunks(data.merchantCategories, ROW_BATCH)) await tx.insert(merchantCategories).values(batch)
    for (const batch of chunks(data.eventEnrolments, ROW_BATCH)) await tx.insert(eventEnrolments).values(batch)
    for (const batch of chunks(data.promotions, ROW_BATCH)) await tx.insert(promotions).values(batch)
    for (const batch of chunks(data.promotionCategories, ROW_BATCH)) await tx.insert(promotionCategories).values(batch)
  })
  return { products: data.products.length, merchants: data.merchants.length, events: data.events.length }
}

/** True when there are no events, no products and no merchants (a fresh database). */
export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const [anyEvent] = await db.select({ one: sql<number>`1` }).from(events).limit(1)
  if (anyEvent) return false
  const [anyProduct] = await db.select({ one: sql<number>`1` }).from(products).limit(1)
  if (anyProduct) return false
  const [anyMerchant] = await db.select({ one: sql<number>`1` }).from(merchants).limit(1)
  return !anyMerchant
}
