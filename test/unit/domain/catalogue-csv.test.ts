import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  CATALOGUE_COLUMNS,
  CATALOGUE_MAX_ISSUES,
  CATALOGUE_MAX_ROWS,
  parseCatalogueCsv,
  parseCsv,
  productPatchSchema,
  type CatalogueParseResult,
  type CsvParseResult,
} from '#shared/domain/catalogue-csv'

const HEADER = CATALOGUE_COLUMNS.join(',')
const KNOWN = new Set(['gas-stove', 'gas-water-heater', 'fridge'])
const known = (code: string) => KNOWN.has(code)
const fixture = readFileSync(new URL('../../fixtures/gas-appliances-catalogue.csv', import.meta.url), 'utf8')

function records(result: CsvParseResult) {
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.issues)}`)
  return result.records
}

function issuesOf(result: CatalogueParseResult) {
  if (result.ok) throw new Error('expected issues, got rows')
  return result.issues
}

function rowsOf(result: CatalogueParseResult) {
  if (!result.ok) throw new Error(`expected rows: ${JSON.stringify(result.issues)}`)
  return result.rows
}

const csv = (...lines: string[]) => [HEADER, ...lines].join('\n')

describe('parseCsv (RFC 4180)', () => {
  it('splits fields on commas and records on LF, CRLF and CR, numbering rows from 1', () => {
    expect(records(parseCsv('a,b\r\nc,d\ne,f\rg,h'))).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['c', 'd'] },
      { row: 3, fields: ['e', 'f'] },
      { row: 4, fields: ['g', 'h'] },
    ])
  })

  it('drops a leading BOM', () => {
    expect(records(parseCsv('\uFEFFbrand,model'))[0]!.fields).toEqual(['brand', 'model'])
  })

  it('keeps commas, doubled quotes and line breaks inside quotes, as one spreadsheet row', () => {
    const parsed = records(parseCsv('"a,1","say ""hi""","two\r\nlines"\r\nnext,row'))
    expect(parsed[0]).toEqual({ row: 1, fields: ['a,1', 'say "hi"', 'two\r\nlines'] })
    expect(parsed[1]).toEqual({ row: 2, fields: ['next', 'row'] })
  })

  it('a final line break does not make an empty record; empty fields are kept', () => {
    expect(records(parseCsv('a,,c\n'))).toEqual([{ row: 1, fields: ['a', '', 'c'] }])
    expect(records(parseCsv('""\n'))).toEqual([{ row: 1, fields: [''] }])
  })

  it('counts blank lines like a spreadsheet does', () => {
    expect(records(parseCsv('a\n\nb')).map(r => r.row)).toEqual([1, 2, 3])
  })

  it('refuses an unclosed quote and stray quotes, naming the row', () => {
    expect(parseCsv('a\n"open,b')).toEqual({ ok: false, issues: [expect.objectContaining({ row: 2, path: 'row' })] })
    expect(parseCsv('a\nab"c,d')).toEqual({ ok: false, issues: [expect.objectContaining({ row: 2, path: 'row' })] })
    expect(parseCsv('"a"b,c')).toEqual({ ok: false, issues: [expect.objectContaining({ row: 1, path: 'row' })] })
  })
})

describe('parseCatalogueCsv', () => {
  it('reads the gas-appliance fixture (BOM, CRLF, quoted model with a comma): 30 products', () => {
    const rows = rowsOf(parseCatalogueCsv(fixture, known))
    expect(rows).toHaveLength(30)
    expect(rows[0]).toEqual({ row: 2, brand: '华帝', model: 'JZT-i10JH1B', categoryCode: 'gas-stove', energyGrade: 1, waterGrade: null, labelNo: 'CEL2026-JH-0001', filedPriceFen: 219900 })
    expect(rows.find(r => r.brand === '樱花' && r.categoryCode === 'gas-stove')?.model).toBe('JZT-JH9B01(天然气,12T)')
    expect(rows.find(r => r.model === 'JZT-QEJH5B0')?.labelNo).toBeNull()
  })

  it('trims cells and skips blank lines without renumbering the rows after them', () => {
    const rows = rowsOf(parseCatalogueCsv(csv(' 方太 , JZT-A1 ,gas-stove, 1 ,,,100', '', ',,,,,,', '林内,JSQ-B2,gas-water-heater,2,1,X1,200'), known))
    expect(rows.map(r => [r.row, r.brand, r.model, r.energyGrade])).toEqual([[2, '方太', 'JZT-A1', 1], [5, '林内', 'JSQ-B2', 2]])
  })

  it('needs the exact header', () => {
    expect(issuesOf(parseCatalogueCsv('brand,model,category,energyGrade,waterGrade,labelNo,filedPriceFen\n', known))).toEqual([expect.objectContaining({ row: 1, path: 'header' })])
    expect(issuesOf(parseCatalogueCsv('', known))).toEqual([expect.objectContaining({ row: 1, path: 'header' })])
    expect(issuesOf(parseCatalogueCsv(`${HEADER},extra\n`, known))[0]!.path).toBe('header')
  })

  it('refuses a file with no product rows', () => {
    expect(issuesOf(parseCatalogueCsv(`${HEADER}\r\n\r\n`, known))).toEqual([expect.objectContaining({ row: 0, path: 'file' })])
  })

  it.each([
    ['brand empty', ',M1,gas-stove,1,,,100', 'brand'],
    ['brand too long', `${'品'.repeat(61)},M1,gas-stove,1,,,100`, 'brand'],
    ['model empty', '方太, ,gas-stove,1,,,100', 'model'],
    ['model too long', `方太,${'M'.repeat(61)},gas-stove,1,,,100`, 'model'],
    ['category unknown', '方太,M1,gas-oven,1,,,100', 'categoryCode'],
    ['category empty', '方太,M1,,1,,,100', 'categoryCode'],
    ['energy grade 0', '方太,M1,gas-stove,0,,,100', 'energyGrade'],
    ['energy grade 6', '方太,M1,gas-stove,6,,,100', 'energyGrade'],
    ['energy grade not a number', '方太,M1,gas-stove,一级,,,100', 'energyGrade'],
    ['water grade 1.5', '方太,M1,gas-water-heater,1,1.5,,100', 'waterGrade'],
    ['label number too long', `方太,M1,gas-stove,1,,${'X'.repeat(41)},100`, 'labelNo'],
    ['price missing', '方太,M1,gas-stove,1,,,', 'filedPriceFen'],
    ['price zero', '方太,M1,gas-stove,1,,,0', 'filedPriceFen'],
    ['price negative', '方太,M1,gas-stove,1,,,-100', 'filedPriceFen'],
    ['price in yuan with decimals', '方太,M1,gas-stove,1,,,1999.00', 'filedPriceFen'],
    ['price too large for the column', '方太,M1,gas-stove,1,,,2147483648', 'filedPriceFen'],
    ['too few columns', '方太,M1,gas-stove,1,,100', 'row'],
    ['too many columns', '方太,M1,gas-stove,1,,,100,extra', 'row'],
  ])('refuses a row with %s (path %s) and names row 3', (_what, line, path) => {
    const issues = issuesOf(parseCatalogueCsv(csv('林内,OK1,gas-stove,1,,,100', line), known))
    expect(issues).toContainEqual(expect.objectContaining({ row: 3, path }))
    expect(issues.every(i => i.row === 3)).toBe(true)
  })

  it('refuses the same (category, brand, model) twice, pointing at the first; same model in another category is fine', () => {
    const issues = issuesOf(parseCatalogueCsv(csv('方太,M1,gas-stove,1,,,100', '林内,M1,gas-stove,1,,,100', '方太,M1,gas-water-heater,1,1,,100', ' 方太 ,M1 ,gas-stove,2,,,300'), known))
    expect(issues).toEqual([{ row: 5, path: 'model', message: expect.stringContaining('row 2') }])
  })

  it('reports every bad row of a file, not just the first', () => {
    const lines = fixture.replace(/^\uFEFF/, '').split('\r\n')
    lines[6] = lines[6]!.replace(',gas-stove,', ',gas-grill,')
    lines[18] = lines[18]!.replace(/,\d+$/, ',12.5')
    const issues = issuesOf(parseCatalogueCsv(lines.join('\r\n'), known))
    expect(issues.map(i => [i.row, i.path])).toEqual([[7, 'categoryCode'], [19, 'filedPriceFen']])
  })

  it('caps the list of problems and says so', () => {
    const bad = Array.from({ length: CATALOGUE_MAX_ISSUES + 50 }, (_, i) => `方太,M${i},gas-stove,9,,,100`)
    const issues = issuesOf(parseCatalogueCsv(csv(...bad), known))
    expect(issues).toHaveLength(CATALOGUE_MAX_ISSUES + 1)
    expect(issues.at(-1)).toEqual(expect.objectContaining({ row: 0, path: 'file' }))
  })

  it(`refuses more than ${CATALOGUE_MAX_ROWS} rows`, () => {
    const many = Array.from({ length: CATALOGUE_MAX_ROWS + 1 }, (_, i) => `方太,M${i},gas-stove,1,,,100`)
    expect(issuesOf(parseCatalogueCsv(csv(...many), known))).toEqual([expect.objectContaining({ row: 0, path: 'file', message: expect.stringContaining(String(CATALOGUE_MAX_ROWS)) })])
    expect(rowsOf(parseCatalogueCsv(csv(...many.slice(1)), known))).toHaveLength(CATALOGUE_MAX_ROWS)
  })
})

describe('productPatchSchema', () => {
  it('accepts a partial edit and clears a label number with an empty string', () => {
    expect(productPatchSchema.parse({ filedPriceFen: 129900, labelNo: '' })).toEqual({ filedPriceFen: 129900, labelNo: null })
    expect(productPatchSchema.parse({ energyGrade: null })).toEqual({ energyGrade: null })
  })

  it('refuses an empty edit, unknown fields (the category is fixed) and bad values', () => {
    expect(productPatchSchema.safeParse({}).success).toBe(false)
    expect(productPatchSchema.safeParse({ categoryCode: 'fridge' }).error?.issues).toHaveLength(1)
    expect(productPatchSchema.safeParse({ energyGrade: 6 }).error?.issues[0]?.path).toEqual(['energyGrade'])
    expect(productPatchSchema.safeParse({ filedPriceFen: 0 }).error?.issues[0]?.path).toEqual(['filedPriceFen'])
    expect(productPatchSchema.safeParse({ filedPriceFen: 19.99 }).success).toBe(false)
    expect(productPatchSchema.safeParse({ brand: '  ' }).error?.issues[0]?.path).toEqual(['brand'])
  })
})
