/**
 * Reference data every installation needs (categories, brand dictionary). Runs at every start, in
 * production too: two statements, and rows that have not changed are not rewritten.
 */
import { sql } from 'drizzle-orm'
import { CATEGORIES } from '#shared/domain/categories'
import type { Executor } from '~~/server/db/client'
import { brands, categories } from '~~/server/db/schema'
import { BRANDS } from './brands'

export function categoryRows(): Array<typeof categories.$inferInsert> {
  return CATEGORIES.map((c, index) => ({ ...c, sortOrder: index }))
}

export async function seedReferenceData(db: Executor): Promise<void> {
  await db.insert(categories).values(categoryRows()).onConflictDoUpdate({
    target: categories.code,
    set: {
      kind: sql`excluded.kind`,
      nameZh: sql`excluded.name_zh`,
      nameEn: sql`excluded.name_en`,
      safeUseYears: sql`excluded.safe_use_years`,
      safeUseNote: sql`excluded.safe_use_note`,
      sortOrder: sql`excluded.sort_order`,
    },
    // Only rows that differ are rewritten, so a restart leaves the table untouched.
    setWhere: sql`(${categories.kind}, ${categories.nameZh}, ${categories.nameEn}, ${categories.safeUseYears}, ${categories.safeUseNote}, ${categories.sortOrder})
      IS DISTINCT FROM (excluded.kind, excluded.name_zh, excluded.name_en, excluded.safe_use_years, excluded.safe_use_note, excluded.sort_order)`,
  })
  await db.insert(brands).values(BRANDS.map(b => ({ name: b.name, latinName: b.latinName }))).onConflictDoUpdate({
    target: brands.name,
    set: { latinName: sql`excluded.latin_name` },
    setWhere: sql`${brands.latinName} IS DISTINCT FROM excluded.latin_name`,
  })
}
