import { randomUUID } from 'node:crypto'
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { parseCatalogueCsv, type CatalogueRow, type ProductPatchInput, type ProductRetireInput } from '#shared/domain/catalogue-csv'
import { DomainError } from '#shared/domain/errors'
import type { ProductDto } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { categories, products } from '~~/server/db/schema'
import { brandAliasOf } from '~~/server/db/seed/brands'
import { audit, changedFields } from '~~/server/utils/audit'
import { isUniqueViolation } from '~~/server/utils/db-errors'
import type { Caller } from '~~/server/utils/guards'
import { findProduct, toProductDto } from './catalogue'
import type { CatalogueImportResult } from '#shared/types/bureau'

/** Rows per INSERT: 8 parameters each stays far below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000

/**
 * Imports a catalogue file, all or nothing (PRODUCT.md "Catalogue: CSV import with row-level errors and
 * nothing half-imported"). Every row is checked first; any problem → VALIDATION_FAILED with all row-level
 * issues and no write. Otherwise one transaction upserts every row on the unique key (category, brand,
 * model): a new key inserts (with the brand's Latin / Chinese alias for search), a known key overwrites
 * grades, label number and filed price and lists the product again if it was retired. Products absent from
 * the file are left as they are: a file adds and corrects, it never deletes.
 */
export async function importCatalogue(db: Executor, actor: Caller, csv: string, now: Date): Promise<CatalogueImportResult> {
  const known = new Set((await db.select({ code: categories.code }).from(categories)).map(r => r.code))
  const parsed = parseCatalogueCsv(csv, code => known.has(code))
  if (!parsed.ok) throw new DomainError('VALIDATION_FAILED', `The file has ${parsed.issues.length} problem(s); nothing was imported`, { issues: parsed.issues })
  const rows = parsed.rows
  return db.transaction(async (tx) => {
    let created = 0
    // Retired products are few; the ones the file names again are listed again by the upsert below.
    const retired = await tx.select({ categoryCode: products.categoryCode, brand: products.brand, model: products.model })
      .from(products).where(isNotNull(products.retiredAt))
    const retiredKeys = new Set(retired.map(r => JSON.stringify([r.categoryCode, r.brand, r.model])))
    const reactivated = rows.filter(r => retiredKeys.has(JSON.stringify([r.categoryCode, r.brand, r.model]))).length
    const byCategory: Record<string, number> = {}
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK)
      const result = await tx.insert(products).values(chunk.map((r: CatalogueRow) => ({
        brand: r.brand,
        brandAlias: brandAliasOf(r.brand),
        model: r.model,
        categoryCode: r.categoryCode,
        energyGrade: r.energyGrade,
        waterGrade: r.waterGrade,
        labelNo: r.labelNo,
        filedPriceFen: r.filedPriceFen,
        createdAt: now,
      }))).onConflictDoUpdate({
        target: [products.categoryCode, products.brand, products.model],
        set: {
          brandAlias: sql`excluded.brand_alias`,
          energyGrade: sql`excluded.energy_grade`,
          waterGrade: sql`excluded.water_grade`,
          labelNo: sql`excluded.label_no`,
          filedPriceFen: sql`excluded.filed_price_fen`,
          retiredAt: null,
        },
      }).returning({
        // xmax = 0 only on a freshly inserted row version: tells an insert from an update in one statement.
        created: sql<boolean>`(xmax = 0)`.mapWith(v => v === true || v === 't' || v === 'true'),
        id: products.id,
      })
      created += result.filter(r => r.created).length
      for (const r of chunk) byCategory[r.categoryCode] = (byCategory[r.categoryCode] ?? 0) + 1
    }
    const summary: CatalogueImportResult = { imported: rows.length, created, updated: rows.length - created, reactivated }
    await audit(tx, { actor, action: 'catalogue.import', entityType: 'catalogue', entityId: randomUUID(), before: null, after: { ...summary, byCategory } })
    return summary
  })
}

type ProductRow = typeof products.$inferSelect

function auditFields(row: ProductRow) {
  return {
    brand: row.brand,
    brandAlias: row.brandAlias,
    model: row.model,
    categoryCode: row.categoryCode,
    energyGrade: row.energyGrade,
    waterGrade: row.waterGrade,
    labelNo: row.labelNo,
    filedPriceFen: row.filedPriceFen,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  }
}

const DUPLICATE_ISSUE = { path: 'model', message: 'Another product of this category already has this brand and model' }

/**
 * An administrator's correction of a product (brand, model, grades, label number, filed price), on the locked
 * row and audited with before → after. A new brand takes that brand's alias. Past redemptions keep the price
 * and subsidy they were made with.
 */
export async function updateProduct(db: Executor, actor: Caller, id: string, patch: ProductPatchInput): Promise<ProductDto> {
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(products).where(eq(products.id, id)).limit(1).for('update')
      if (!current) throw new DomainError('NOT_FOUND', 'No such product')
      const brand = patch.brand ?? current.brand
      const model = patch.model ?? current.model
      if (brand !== current.brand || model !== current.model) {
        const [clash] = await tx.select({ id: products.id }).from(products)
          .where(and(eq(products.categoryCode, current.categoryCode), eq(products.brand, brand), eq(products.model, model))).limit(1)
        if (clash && clash.id !== id) throw new DomainError('VALIDATION_FAILED', 'Invalid product', { issues: [DUPLICATE_ISSUE] })
      }
      const [row] = await tx.update(products).set({
        brand,
        brandAlias: brand === current.brand ? current.brandAlias : brandAliasOf(brand),
        model,
        energyGrade: patch.energyGrade === undefined ? current.energyGrade : patch.energyGrade,
        waterGrade: patch.waterGrade === undefined ? current.waterGrade : patch.waterGrade,
        labelNo: patch.labelNo === undefined ? current.labelNo : patch.labelNo,
        filedPriceFen: patch.filedPriceFen ?? current.filedPriceFen,
      }).where(eq(products.id, id)).returning()
      const changed = changedFields(auditFields(current), auditFields(row!))
      if (changed) await audit(tx, { actor, action: 'product.update', entityType: 'product', entityId: id, ...changed })
      return toProductDto(row!)
    })
  }
  catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('VALIDATION_FAILED', 'Invalid product', { issues: [DUPLICATE_ISSUE] })
    throw error
  }
}

/**
 * Takes a product out of the catalogue: no longer listed or redeemable, but every past redemption keeps
 * pointing at it. Retiring a retired product is INVALID_TRANSITION; a new import of it lists it again.
 */
export async function retireProduct(db: Executor, actor: Caller, id: string, input: ProductRetireInput, now: Date): Promise<ProductDto> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(products).set({ retiredAt: now })
      .where(and(eq(products.id, id), isNull(products.retiredAt))).returning()
    if (!row) {
      await findProduct(tx, id)
      throw new DomainError('INVALID_TRANSITION', 'This product is already retired')
    }
    await audit(tx, { actor, action: 'product.retire', entityType: 'product', entityId: id, before: { retiredAt: null }, after: { retiredAt: now.toISOString() }, reason: input.reason || null })
    return toProductDto(row)
  })
}
