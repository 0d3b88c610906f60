import { z } from 'zod'

/**
 * The bureau's catalogue file (API.md "Bureau": POST /admin/products/import): CSV, UTF-8, optional BOM,
 * header `brand,model,categoryCode,energyGrade,waterGrade,labelNo,filedPriceFen`. Every row is checked and
 * every problem reported with the row number a spreadsheet shows (header = row 1), so an administrator can
 * fix them all in one go; the server imports nothing unless there are none.
 */
export const CATALOGUE_COLUMNS = ['brand', 'model', 'categoryCode', 'energyGrade', 'waterGrade', 'labelNo', 'filedPriceFen'] as const
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number]

export const CATALOGUE_MAX_ROWS = 20_000
export const CATALOGUE_MAX_BYTES = 5 * 1024 * 1024
/** More problems than this and the file is surely the wrong one; the list stops there. */
export const CATALOGUE_MAX_ISSUES = 500

/** `row` is the spreadsheet row (header = 1); 0 means the file as a whole. */
export interface CsvIssue {
  row: number
  path: string
  message: string
}

export interface CsvRecord {
  /** Spreadsheet row number, 1-based; blank lines count, like in a spreadsheet. */
  row: number
  fields: string[]
}

export type CsvParseResult = { ok: true, records: CsvRecord[] } | { ok: false, issues: CsvIssue[] }

/**
 * RFC 4180: fields separated by commas, records by CRLF or LF (a lone CR too, as old Mac Excel writes);
 * a field in double quotes may hold commas, line breaks and "" for a quote. A leading BOM is dropped.
 * A quoted field's line breaks stay inside one record, which a spreadsheet shows as one row.
 */
export function parseCsv(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xFEFF ? input.slice(1) : input
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let wasQuoted = false
  let row = 1
  let i = 0
  const endRecord = () => {
    fields.push(field)
    records.push({ row, fields })
    fields = []
    field = ''
    wasQuoted = false
    row += 1
  }
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i += 1
        continue
      }
      field += ch
      i += 1
      continue
    }
    if (ch === '"') {
      if (field.length > 0 || wasQuoted) {
        return { ok: false, issues: [{ row, path: 'row', message: 'A quote in the middle of a field: put the whole field in quotes and double the quote ("")' }] }
      }
      quoted = true
      wasQuoted = true
      i += 1
      continue
    }
    if (wasQuoted && ch !== ',' && ch !== '\n' && ch !== '\r') {
      return { ok: false, issues: [{ row, path: 'row', message: 'Text after a closing quote: put the whole field in quotes' }] }
    }
    if (ch === ',') {
      fields.push(field)
      field = ''
      wasQuoted = false
      i += 1
      continue
    }
    if (ch === '\r' || ch === '\n') {
      endRecord()
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      continue
    }
    field += ch
    i += 1
  }
  if (quoted) return { ok: false, issues: [{ row, path: 'row', message: 'A quoted field is never closed' }] }
  // A final line break ends the last record; it does not start an empty one.
  if (field.length > 0 || fields.length > 0 || wasQuoted) endRecord()
  return { ok: true, records }
}

function isBlank(record: CsvRecord): boolean {
  return record.fields.every(f => f.trim() === '')
}

const text = (max: number, what: string) => z.string().trim().min(1, `Enter the ${what}`).max(max, `At most ${max} characters`)

/** Efficiency grade 1 (best) … 5 on the China Energy / Water Efficiency Label; empty when the item has none. */
export const gradeSchema = z.number({ error: 'A grade is 1 to 5' }).int('A grade is 1 to 5').min(1, 'A grade is 1 to 5').max(5, 'A grade is 1 to 5')
/** Filed price in fen; the column is int4. */
export const filedPriceFenSchema = z.number({ error: 'An amount in fen' }).int('A whole number of fen').min(1, 'Must be more than 0').max(2_147_483_647, 'Too large')

/** A catalogue product's own fields; used for a CSV row and for an administrator's edit alike. */
export const productFieldsSchema = z.object({
  brand: text(60, 'brand'),
  model: text(60, 'model'),
  energyGrade: gradeSchema.nullable(),
  waterGrade: gradeSchema.nullable(),
  labelNo: z.string().trim().max(40, 'At most 40 characters').nullable().transform(v => (v ? v : null)),
  filedPriceFen: filedPriceFenSchema,
})

/** PATCH /admin/products/{id}: any of the product's own fields; the category is fixed (import a new product instead). */
export const productPatchSchema = productFieldsSchema.partial().strict()
  .refine(p => Object.keys(p).length > 0, {
    path: [],
    message: 'Nothing to change',
    // Only when the body is otherwise valid: an unknown field is reported as itself, not also as "nothing".
    when: payload => payload.issues.length === 0,
  })
export type ProductPatchInput = z.infer<typeof productPatchSchema>

export const productRetireSchema = z.object({
  reason: z.string().trim().max(500, 'At most 500 characters').optional(),
}).strict()
export type ProductRetireInput = z.infer<typeof productRetireSchema>

export interface CatalogueRow {
  row: number
  brand: string
  model: string
  categoryCode: string
  energyGrade: number | null
  waterGrade: number | null
  labelNo: string | null
  filedPriceFen: number
}

export type CatalogueParseResult = { ok: true, rows: CatalogueRow[] } | { ok: false, issues: CsvIssue[] }

/** "3" → 3; "" → null; anything else (1.5, 2 级, -1) → NaN so that the schema names the field. */
function integerCell(cell: string): number | null {
  const v = cell.trim()
  if (v === '') return null
  return /^\d{1,12}$/.test(v) ? Number(v) : Number.NaN
}

/**
 * Parses and checks a whole catalogue file. `isKnownCategory` answers for category codes (the server asks the
 * database). Either every row is good and all are returned, or every problem found is (up to
 * CATALOGUE_MAX_ISSUES), each with its spreadsheet row and column.
 */
export function parseCatalogueCsv(input: string, isKnownCategory: (code: string) => boolean): CatalogueParseResult {
  const parsed = parseCsv(input)
  if (!parsed.ok) return parsed
  const records = parsed.records
  const header = records[0]
  if (!header || isBlank(header)) {
    return { ok: false, issues: [{ row: 1, path: 'header', message: `The first line must be the header: ${CATALOGUE_COLUMNS.join(',')}` }] }
  }
  const names = header.fields.map(f => f.trim())
  if (names.length !== CATALOGUE_COLUMNS.length || names.some((n, i) => n !== CATALOGUE_COLUMNS[i])) {
    return { ok: false, issues: [{ row: 1, path: 'header', message: `The header must be exactly: ${CATALOGUE_COLUMNS.join(',')}` }] }
  }
  const data = records.slice(1).filter(r => !isBlank(r))
  if (data.length === 0) return { ok: false, issues: [{ row: 0, path: 'file', message: 'The file has no product rows' }] }
  if (data.length > CATALOGUE_MAX_ROWS) {
    return { ok: false, issues: [{ row: 0, path: 'file', message: `At most ${CATALOGUE_MAX_ROWS} products per file (this one has ${data.length}): split it` }] }
  }

  const issues: CsvIssue[] = []
  const rows: CatalogueRow[] = []
  const firstRowOfKey = new Map<string, number>()
  let truncated = false
  const add = (issue: CsvIssue) => {
    if (issues.length < CATALOGUE_MAX_ISSUES) issues.push(issue)
    else truncated = true
  }
  for (const record of data) {
    if (truncated) break
    if (record.fields.length !== CATALOGUE_COLUMNS.length) {
      add({ row: record.row, path: 'row', message: `Expected ${CATALOGUE_COLUMNS.length} columns, found ${record.fields.length}` })
      continue
    }
    const cell = (name: CatalogueColumn) => record.fields[CATALOGUE_COLUMNS.indexOf(name)]!
    const categoryCode = cell('categoryCode').trim()
    let rowOk = true
    if (!categoryCode) {
      add({ row: record.row, path: 'categoryCode', message: 'Enter the category code' })
      rowOk = false
    }
    else if (!isKnownCategory(categoryCode)) {
      add({ row: record.row, path: 'categoryCode', message: `Unknown category code "${categoryCode}"` })
      rowOk = false
    }
    const result = productFieldsSchema.safeParse({
      brand: cell('brand'),
      model: cell('model'),
      energyGrade: integerCell(cell('energyGrade')),
      waterGrade: integerCell(cell('waterGrade')),
      labelNo: cell('labelNo'),
      filedPriceFen: integerCell(cell('filedPriceFen')) ?? undefined,
    })
    if (!result.success) {
      rowOk = false
      const seenPaths = new Set<string>()
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.')
        if (seenPaths.has(path)) continue
        seenPaths.add(path)
        add({ row: record.row, path, message: path === 'filedPriceFen' && cell('filedPriceFen').trim() === '' ? 'Enter the filed price in fen' : issue.message })
      }
    }
    if (!rowOk || !result.success) continue
    const product = result.data
    // The database's unique key (category, brand, model), compared exactly as the unique index does.
    const key = JSON.stringify([categoryCode, product.brand, product.model])
    const first = firstRowOfKey.get(key)
    if (first !== undefined) {
      add({ row: record.row, path: 'model', message: `Same category, brand and model as row ${first}` })
      continue
    }
    firstRowOfKey.set(key, record.row)
    rows.push({ row: record.row, categoryCode, ...product })
  }
  if (truncated) {
    issues.push({ row: 0, path: 'file', message: `More than ${CATALOGUE_MAX_ISSUES} problems: the first ones are listed; fix them and try again` })
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows }
}
