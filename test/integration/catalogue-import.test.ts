import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page, ProductDto } from '#shared/types/public'
import type { AuditEntryDto } from '~~/server/services/audit-log'
import type { CatalogueImportResult } from '~~/server/services/catalogue-admin'
import { adminClient, Client, reviewerClient } from '../support/client'
import { api, type ErrorBody } from '../support/http'
import { approvedMerchantClient } from '../support/merchants'

const fixture = readFileSync(new URL('../fixtures/gas-appliances-catalogue.csv', import.meta.url), 'utf8')
const HEADER = 'brand,model,categoryCode,energyGrade,waterGrade,labelNo,filedPriceFen'

interface RowIssue { row: number, path: string, message: string }
type ImportError = ErrorBody & { data: { issues: RowIssue[] } }

/**
 * Query parameters nobody asked before, so the 30 s cache of public routes answers fresh: a random page size
 * and a random price ceiling far above every product (the list schema refuses unknown keys).
 */
const fresh = () => `pageSize=${Math.floor(Math.random() * 90) + 10}&maxPriceFen=${900_000_000 + Math.floor(Math.random() * 100_000_000)}`

function postCsv<T>(client: Client, csv: string, contentType = 'text/csv; charset=utf-8') {
  return client.request<T>('POST', '/api/v1/admin/products/import', { body: csv, headers: { 'content-type': contentType } })
}

/** The fixture with every model made unique to this run, so a test imports new products. */
function freshFixture(tag: string): string {
  return fixture.replace(/JH/g, tag)
}

async function search(q: string) {
  const res = await api<Page<ProductDto>>(`/api/v1/products?q=${encodeURIComponent(q)}&${fresh()}`)
  expect(res.status).toBe(200)
  return res.body
}

async function productCount(): Promise<number> {
  const res = await api<Page<ProductDto>>(`/api/v1/products?${fresh()}`)
  return res.body.total
}

async function auditEntries(client: Client, entity: string) {
  const res = await client.get<Page<AuditEntryDto>>(`/api/v1/admin/audit?entity=${entity}&pageSize=100`)
  expect(res.status).toBe(200)
  return res.body.items
}

const tag = () => `Q${Math.random().toString(36).slice(2, 6).toUpperCase()}`

describe('POST /api/v1/admin/products/import', () => {
  it('imports the 燃气灶具及燃气热水器 fixture: 30 products, searchable by model and by brand alias, audited', async () => {
    const admin = await adminClient()
    const t = tag()
    const before = await productCount()
    const res = await postCsv<CatalogueImportResult>(admin, freshFixture(t))
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ imported: 30, created: 30, updated: 0, reactivated: 0 })
    expect(await productCount()).toBe(before + 30)

    const byModel = await search(`JSQ32-GD${t}31`)
    expect(byModel.items).toEqual([expect.objectContaining({ brand: '林内', brandAlias: 'Rinnai', categoryCode: 'gas-water-heater', energyGrade: 1, waterGrade: 1, labelNo: `CEL2026-${t}-0103`, filedPriceFen: 559900, retired: false })])
    // Latin brand alias from the brand dictionary + a model fragment typed without separators.
    const byAlias = await search(`vatti jzti10${t.toLowerCase()}1b`)
    expect(byAlias.items.map(p => p.model)).toEqual([`JZT-i10${t}1B`])
    const quoted = await search(`JZT-${t}9B01`)
    expect(quoted.items.map(p => p.model)).toEqual([`JZT-${t}9B01(天然气,12T)`])

    const entries = (await auditEntries(admin, 'catalogue')).filter(e => e.action === 'catalogue.import')
    expect(entries[0]?.after).toMatchObject({ imported: 30, created: 30, updated: 0, byCategory: { 'gas-stove': 13, 'gas-water-heater': 17 } })
    expect(entries[0]?.actorRole).toBe('admin')
  })

  it('re-importing updates the existing (category, brand, model) products instead of duplicating them', async () => {
    const admin = await adminClient()
    const t = tag()
    expect((await postCsv<CatalogueImportResult>(admin, freshFixture(t))).body.created).toBe(30)
    const count = await productCount()
    const repriced = freshFixture(t).replace(',CEL2026-' + t + '-0103,559900', ',CEL2026-' + t + '-0103,539900')
    const res = await postCsv<CatalogueImportResult>(admin, repriced)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ imported: 30, created: 0, updated: 30, reactivated: 0 })
    expect(await productCount()).toBe(count)
    expect((await search(`JSQ32-GD${t}31`)).items[0]?.filedPriceFen).toBe(539900)
  })

  it('a file with 2 bad rows among 30 → 400 naming exactly those rows; nothing imported', async () => {
    const admin = await adminClient()
    const t = tag()
    const lines = freshFixture(t).split('\r\n')
    // Spreadsheet rows 8 and 23 (header = row 1).
    lines[7] = lines[7]!.replace(',gas-stove,', ',gas-oven,')
    lines[22] = lines[22]!.replace(/,\d+$/, ',2699.00')
    const before = await productCount()
    const res = await postCsv<ImportError>(admin, lines.join('\r\n'))
    expect(res.status).toBe(400)
    expect(res.body.statusCode).toBe(400)
    expect(res.body.data.code).toBe('VALIDATION_FAILED')
    expect(res.body.data.issues.map(i => [i.row, i.path])).toEqual([[8, 'categoryCode'], [23, 'filedPriceFen']])
    expect(res.body.data.issues.every(i => i.message.length > 0)).toBe(true)
    expect(await productCount()).toBe(before)
    // Not even the good rows.
    expect((await search(`JSQ32-GD${t}31`)).total).toBe(0)
  })

  it('refuses a wrong header, an empty file, a non-UTF-8 file and a non-CSV body; imports nothing', async () => {
    const admin = await adminClient()
    const before = await productCount()
    const wrongHeader = await postCsv<ImportError>(admin, 'brand,model,category,grade,water,label,price\r\n方太,X1,gas-stove,1,,,100\r\n')
    expect(wrongHeader.status).toBe(400)
    expect(wrongHeader.body.data.issues).toEqual([expect.objectContaining({ row: 1, path: 'header' })])
    const onlyHeader = await postCsv<ImportError>(admin, `${HEADER}\r\n`)
    expect(onlyHeader.status).toBe(400)
    expect(onlyHeader.body.data.issues[0]?.path).toBe('file')
    // GBK bytes for 方太 are not valid UTF-8.
    const gbk = Buffer.concat([Buffer.from(`${HEADER}\r\n`), Buffer.from([0xB7, 0xBD, 0xCC, 0xAB]), Buffer.from(',JZT-GBK1,gas-stove,1,,,100\r\n')])
    const notUtf8 = await fetch(`${admin.base}/api/v1/admin/products/import`, { method: 'POST', body: gbk, headers: { 'content-type': 'text/csv', 'cookie': admin.cookie, 'origin': admin.base } })
    expect(notUtf8.status).toBe(400)
    expect(((await notUtf8.json()) as ImportError).data.issues[0]?.message).toMatch(/UTF-8/)
    const json = await admin.post<ErrorBody>('/api/v1/admin/products/import', { rows: [] })
    expect(json.status).toBe(400)
    expect(await productCount()).toBe(before)
  })

  it('refuses a file over 5 MB with a clear message', async () => {
    const admin = await adminClient()
    const big = `${HEADER}\r\n${'方太,JZT-BIG,gas-stove,1,,,100\r\n'.repeat(200_000)}`
    const res = await postCsv<ImportError>(admin, big)
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/5 MB/)
  })

  it('only administrators import: reviewer and merchant 403, anonymous 401', async () => {
    const csv = freshFixture(tag())
    const reviewer = await reviewerClient()
    const { client: merchant } = await approvedMerchantClient(['gas-stove'])
    const before = await productCount()
    expect((await postCsv(reviewer, csv)).status).toBe(403)
    expect((await postCsv(merchant, csv)).status).toBe(403)
    expect((await postCsv(new Client(), csv)).status).toBe(401)
    expect(await productCount()).toBe(before)
  })
})

describe('editing and retiring products', () => {
  async function importedProduct(admin: Client) {
    const t = tag()
    const res = await postCsv<CatalogueImportResult>(admin, freshFixture(t))
    expect(res.status).toBe(200)
    const found = await search(`JSQ24-12ET${t}7`)
    expect(found.items).toHaveLength(1)
    return { product: found.items[0]!, t }
  }

  it('PATCH corrects a product (brand change takes the new alias) and is audited with before → after', async () => {
    const admin = await adminClient()
    const { product, t } = await importedProduct(admin)
    const res = await admin.patch<ProductDto>(`/api/v1/admin/products/${product.id}`, { brand: '能率', filedPriceFen: 149900, waterGrade: null, labelNo: '' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: product.id, brand: '能率', brandAlias: 'NORITZ', filedPriceFen: 149900, waterGrade: null, labelNo: null, energyGrade: 2 })
    expect((await search(`noritz JSQ24-12ET${t}7`)).items.map(p => p.id)).toEqual([product.id])
    const [entry] = (await auditEntries(admin, `product:${product.id}`))
    expect(entry).toMatchObject({ action: 'product.update', actorRole: 'admin' })
    expect(entry!.before).toEqual({ brand: '万和', brandAlias: 'Vanward', filedPriceFen: 159900, waterGrade: 2, labelNo: `CEL2026-${t}-0102` })
    expect(entry!.after).toEqual({ brand: '能率', brandAlias: 'NORITZ', filedPriceFen: 149900, waterGrade: null, labelNo: null })
  })

  it('PATCH refuses bad values and a clash with another product, with field paths; nothing changes', async () => {
    const admin = await adminClient()
    const { product, t } = await importedProduct(admin)
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ energyGrade: 7 }, 'energyGrade'],
      [{ filedPriceFen: 0 }, 'filedPriceFen'],
      [{ brand: '' }, 'brand'],
      [{ categoryCode: 'fridge' }, ''],
      [{ model: `JSQ30-16ST${t}12` }, 'model'],
    ]
    for (const [patch, path] of cases) {
      const res = await admin.patch<ErrorBody>(`/api/v1/admin/products/${product.id}`, patch)
      expect(res.status, JSON.stringify(patch)).toBe(400)
      expect(res.body.data.issues?.map(i => i.path), JSON.stringify(patch)).toEqual([path])
    }
    const unchanged = await api<ProductDto>(`/api/v1/products/${product.id}?_=${Date.now()}`)
    expect(unchanged.body).toMatchObject({ brand: product.brand, model: product.model, energyGrade: product.energyGrade, filedPriceFen: product.filedPriceFen })
    expect(await auditEntries(admin, `product:${product.id}`)).toEqual([])
  })

  it('retire hides the product from the catalogue, twice is 409, re-import lists it again; audited', async () => {
    const admin = await adminClient()
    const { product, t } = await importedProduct(admin)
    const res = await admin.post<ProductDto>(`/api/v1/admin/products/${product.id}/retire`, { reason: '厂家停产' })
    expect(res.status).toBe(200)
    expect(res.body.retired).toBe(true)
    expect((await search(`JSQ24-12ET${t}7`)).total).toBe(0)
    // Still there for the redemptions that point at it.
    const direct = await api<ProductDto>(`/api/v1/products/${product.id}?_=${Date.now()}`)
    expect(direct.status).toBe(200)
    expect(direct.body.retired).toBe(true)

    const twice = await admin.post<ErrorBody>(`/api/v1/admin/products/${product.id}/retire`)
    expect(twice.status).toBe(409)
    expect(twice.body.data.code).toBe('INVALID_TRANSITION')
    const [entry] = await auditEntries(admin, `product:${product.id}`)
    expect(entry).toMatchObject({ action: 'product.retire', reason: '厂家停产', before: { retiredAt: null } })

    const again = await postCsv<CatalogueImportResult>(admin, freshFixture(t))
    expect(again.body).toEqual({ imported: 30, created: 0, updated: 30, reactivated: 1 })
    expect((await search(`JSQ24-12ET${t}7`)).items.map(p => p.id)).toEqual([product.id])
  })

  it('404 for an unknown product; reviewers and merchants may not edit or retire (403)', async () => {
    const admin = await adminClient()
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await admin.patch(`/api/v1/admin/products/${missing}`, { filedPriceFen: 100 })).status).toBe(404)
    expect((await admin.post(`/api/v1/admin/products/${missing}/retire`)).status).toBe(404)
    const { product } = await importedProduct(admin)
    const reviewer = await reviewerClient()
    const { client: merchant } = await approvedMerchantClient(['gas-stove'])
    for (const client of [reviewer, merchant]) {
      expect((await client.patch(`/api/v1/admin/products/${product.id}`, { filedPriceFen: 100 })).status).toBe(403)
      expect((await client.post(`/api/v1/admin/products/${product.id}/retire`)).status).toBe(403)
    }
    expect((await new Client().post(`/api/v1/admin/products/${product.id}/retire`)).status).toBe(401)
    expect((await auditEntries(admin, `product:${product.id}`))).toEqual([])
  })
})
