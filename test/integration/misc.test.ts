import { describe, expect, it } from 'vitest'
import { CATEGORIES } from '#shared/domain/categories'
import type { CategoryDto, PublicStatsDto } from '#shared/types/public'
import { api, type ErrorBody } from '../support/http'

describe('GET /api/health', () => {
  it('answers ok once the database is reachable', async () => {
    const res = await api('/api/health')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok', db: 'ok' })
  })
})

describe('GET /api/v1/categories', () => {
  it('lists every reference category with its safe-use life', async () => {
    const res = await api<{ items: CategoryDto[] }>('/api/v1/categories')
    expect(res.status).toBe(200)
    const reference = (await import('#shared/reference/categories.json')).default.categories
    expect(res.body.items.map(c => c.code).sort()).toEqual(reference.map(c => c.code).sort())
    expect(res.body.items.find(c => c.code === 'gas-water-heater')).toMatchObject({ kind: 'gas', nameZh: '燃气热水器', nameEn: 'Gas water heater', safeUseYears: 8 })
    expect(res.body.items.find(c => c.code === 'tv')?.safeUseYears).toBeNull()
  })
})

describe('GET /api/v1/stats', () => {
  it('publishes budget used and left per public event, and qualifications per category', async () => {
    const res = await api<PublicStatsDto>('/api/v1/stats')
    expect(res.status).toBe(200)
    const appliance = res.body.events.find(e => e.slug === 'appliance-2026')
    expect(appliance).toBeDefined()
    expect(appliance!.reservedFen + appliance!.spentFen).toBeLessThanOrEqual(appliance!.budgetFen)
    expect(appliance!.categories.length).toBeGreaterThan(0)
    for (const c of appliance!.categories) expect(c.claimed).toBeLessThanOrEqual(c.quota)
    const drafts = (await import('~~/server/db/seed/demo-data')).buildDemoData(new Date()).events.filter(e => e.status === 'draft')
    for (const d of drafts) expect(res.body.events.map(e => e.slug)).not.toContain(d.slug)
  })
})

describe('GET /api/v1/openapi.json', () => {
  it('describes every public route', async () => {
    const res = await api<{ openapi: string, paths: Record<string, unknown> }>('/api/v1/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toMatch(/^3\./)
    for (const path of ['/api/health', '/api/v1/categories', '/api/v1/events', '/api/v1/events/{slug}', '/api/v1/products', '/api/v1/products/{id}', '/api/v1/merchants', '/api/v1/merchants/{id}', '/api/v1/promotions', '/api/v1/subsidy-quote', '/api/v1/stats']) {
      expect(res.body.paths).toHaveProperty([path])
    }
  })

  it('describes every route the server has', async () => {
    const res = await api<{ paths: Record<string, Record<string, unknown>> }>('/api/v1/openapi.json')
    const { readdirSync } = await import('node:fs')
    const { join, relative } = await import('node:path')
    const root = join(import.meta.dirname, '../../server/api')
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
      .flatMap(entry => entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)])
    const routes = walk(root)
      .map(file => relative(root, file).replace(/\\/g, '/'))
      .filter(file => !file.startsWith('[...'))
      .map((file) => {
        const [, path, method] = /^(.*?)(?:\.(get|post|put|patch|delete))?\.ts$/.exec(file)!
        const url = `/api/${path!.replace(/\/index$|^index$/, '').replace(/\[(\w+)\]/g, '{$1}')}`
        return { url: url.replace(/\/$/, ''), method: method ?? 'get' }
      })
    expect(routes.length).toBeGreaterThan(40)
    for (const { url, method } of routes) expect(res.body.paths[url]?.[method], `${method.toUpperCase()} ${url}`).toBeDefined()
  })
})

describe('errors', () => {
  it('an unknown API path is a JSON 404 with a code', async () => {
    for (const path of ['/api/v1/nothing-here', '/api/v2/events', '/api/v1/events/appliance-2026/nothing']) {
      const res = await api<ErrorBody>(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type')).toContain('application/json')
      expect(res.body.data.code).toBe('NOT_FOUND')
    }
  })

  it('bad input never produces a 5xx, and no error carries a stack trace', async () => {
    const nasty = [
      '/api/v1/products?q=%25%25%25',
      '/api/v1/products?q=%27%20or%201%3D1--',
      '/api/v1/products?q=%5C',
      `/api/v1/products?q=${'x'.repeat(61)}`,
      '/api/v1/products?minPriceFen=1e309',
      '/api/v1/products?maxPriceFen=-5',
      '/api/v1/products?grade=1.5',
      '/api/v1/products?page=99999999999',
      '/api/v1/products?category=../../etc',
      '/api/v1/products?event=UPPER',
      '/api/v1/products?q=a&q=b',
      '/api/v1/products/00000000-0000-0000-0000-000000000000',
      '/api/v1/products/not-a-uuid',
      '/api/v1/merchants?near=NaN,NaN',
      '/api/v1/merchants?near=1,2,3',
      '/api/v1/merchants/%00',
      '/api/v1/merchants?event=nope-nope',
      '/api/v1/promotions?merchant=xyz',
      '/api/v1/subsidy-quote?event=appliance-2026&category=fridge&priceFen=abc',
      '/api/v1/subsidy-quote?event=appliance-2026&category=fridge&grade=1&priceFen=99999999999999',
      '/api/v1/events?status[]=current',
    ]
    for (const path of nasty) {
      const res = await api<ErrorBody | string>(path)
      expect(res.status, path).toBeLessThan(500)
      expect(JSON.stringify(res.body), path).not.toMatch(/\bat .+\.(m?js|ts):\d+/)
    }
  })
})

describe('reference categories', () => {
  it('GET /api/v1/categories answers exactly the list the pages name categories from', async () => {
    const res = await api<{ items: unknown[] }>('/api/v1/categories')
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual(CATEGORIES)
  })
})
