/**
 * A large, realistic catalogue for load tests: the demo catalogue's brand/model-style generators
 * (catalogue-styles.ts) drawn many times. Rows are unique on (category, brand, model), also against the
 * demo catalogue, so they can be inserted next to the demo data. 100,000 rows take well under a second.
 */
import type { products } from '~~/server/db/schema'
import type { CategoryCatalogue, ProductLine } from './catalogue-styles'
import { CATALOGUE, draftProduct, pickLine } from './catalogue-styles'
import { buildDemoCatalogue } from './demo-data'
import type { Rng } from './prng'
import { hashSeed, mulberry32, uuidFrom } from './prng'

const VARIANT_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXY'

/** A regional / revision variant, as filing catalogues list them: 'KFR-35GW/NhAa1BAj(R3)'. */
function variantSuffix(r: Rng): string {
  return `(${VARIANT_LETTERS.charAt(Math.floor(r() * VARIANT_LETTERS.length))}${1 + Math.floor(r() * 9)})`
}

function pickCategory(r: Rng, total: number): CategoryCatalogue {
  let x = r() * total
  for (const cat of CATALOGUE) {
    x -= cat.bulkWeight
    if (x < 0) return cat
  }
  const last = CATALOGUE[CATALOGUE.length - 1]
  if (!last) throw new Error('empty catalogue')
  return last
}

export function buildBulkProducts(count: number, seed = 1): Array<typeof products.$inferInsert> {
  const r = mulberry32(hashSeed(`jianghai-bulk:${seed}`))
  const ids = mulberry32(hashSeed(`jianghai-bulk-ids:${seed}`))
  // Models already taken, per category and brand (two lines of one brand share a set); seeded with the
  // demo catalogue so bulk rows can sit next to the demo data.
  const taken = new Map<string, Set<string>>()
  const modelsOf = (categoryCode: string, brand: string): Set<string> => {
    const key = `${categoryCode}\u0000${brand}`
    let set = taken.get(key)
    if (!set) {
      set = new Set<string>()
      taken.set(key, set)
    }
    return set
  }
  for (const p of buildDemoCatalogue()) modelsOf(p.categoryCode, p.brand).add(p.model)
  const setOfLine = new Map<ProductLine, Set<string>>()
  for (const cat of CATALOGUE) for (const line of cat.lines) setOfLine.set(line, modelsOf(cat.code, line.brand))

  let totalWeight = 0
  for (const cat of CATALOGUE) totalWeight += cat.bulkWeight
  const out: Array<typeof products.$inferInsert> = []
  while (out.length < count) {
    const cat = pickCategory(r, totalWeight)
    const line = pickLine(r, cat)
    const models = setOfLine.get(line)
    if (!models) throw new Error(`unknown line ${line.brand}`)
    let draft = draftProduct(r, cat, line)
    for (let attempt = 0; attempt < 3 && models.has(draft.model); attempt++) draft = draftProduct(r, cat, line)
    let model = draft.model
    // Small model spaces (a phone series in a few colours) run out first: add a variant suffix.
    for (let attempt = 0; models.has(model); attempt++) {
      let suffix = ''
      for (let i = 0; i <= Math.floor(attempt / 20); i++) suffix += variantSuffix(r)
      model = `${draft.model}${suffix}`
    }
    models.add(model)
    out.push({
      id: uuidFrom(ids),
      brand: draft.brand,
      brandAlias: draft.brandAlias,
      model,
      categoryCode: draft.categoryCode,
      energyGrade: draft.energyGrade,
      waterGrade: draft.waterGrade,
      labelNo: draft.labelNo,
      filedPriceFen: draft.filedPriceFen,
    })
  }
  return out
}
