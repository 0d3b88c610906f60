import { describe, expect, it } from 'vitest'
import {
  eventListQuerySchema,
  latLngSchema,
  merchantListQuerySchema,
  productListQuerySchema,
  promotionListQuerySchema,
  subsidyQuoteQuerySchema,
} from '#shared/schemas/public'

describe('public query schemas', () => {
  it('default pagination to page 1 of 20 and coerce query-string numbers', () => {
    expect(productListQuerySchema.parse({})).toMatchObject({ page: 1, pageSize: 20, sort: 'relevance' })
    expect(productListQuerySchema.parse({ page: '3', pageSize: '100', grade: '1', minPriceFen: '100000' }))
      .toMatchObject({ page: 3, pageSize: 100, grade: 1, minPriceFen: 100000 })
  })

  it('refuse page sizes above 100, pages below 1 and non-numbers', () => {
    expect(productListQuerySchema.safeParse({ pageSize: '101' }).success).toBe(false)
    expect(productListQuerySchema.safeParse({ page: '0' }).success).toBe(false)
    expect(productListQuerySchema.safeParse({ page: 'two' }).success).toBe(false)
    expect(eventListQuerySchema.safeParse({ pageSize: '1000' }).success).toBe(false)
  })

  it('whitelist sort keys and filter keys: anything else is refused, never used to index a table', () => {
    expect(productListQuerySchema.safeParse({ sort: 'price_asc' }).success).toBe(true)
    const badSort = productListQuerySchema.safeParse({ sort: 'filed_price_fen; drop table products' })
    expect(badSort.success).toBe(false)
    expect(badSort.error?.issues[0]?.path).toEqual(['sort'])
    const unknownKey = productListQuerySchema.safeParse({ orderBy: 'id' })
    expect(unknownKey.success).toBe(false)
    expect(merchantListQuerySchema.safeParse({ status: 'draft' }).success).toBe(false)
    expect(promotionListQuerySchema.safeParse({ status: 'submitted' }).success).toBe(false)
  })

  it('accept only the three public event statuses and the five event kinds', () => {
    expect(eventListQuerySchema.parse({ status: 'current', kind: 'gas' })).toMatchObject({ status: 'current', kind: 'gas' })
    expect(eventListQuerySchema.safeParse({ status: 'draft' }).success).toBe(false)
    expect(eventListQuerySchema.safeParse({ kind: 'boat' }).success).toBe(false)
  })

  it('money filters are whole, non-negative fen, and the range must be in order', () => {
    expect(productListQuerySchema.safeParse({ minPriceFen: '12.5' }).success).toBe(false)
    expect(productListQuerySchema.safeParse({ minPriceFen: '-1' }).success).toBe(false)
    const reversed = productListQuerySchema.safeParse({ minPriceFen: '500', maxPriceFen: '100' })
    expect(reversed.success).toBe(false)
    expect(reversed.error?.issues[0]?.path).toEqual(['maxPriceFen'])
  })

  it('grades are 1 to 5', () => {
    expect(productListQuerySchema.safeParse({ grade: '0' }).success).toBe(false)
    expect(productListQuerySchema.safeParse({ grade: '6' }).success).toBe(false)
  })

  it('parse near=lat,lng and refuse nonsense positions', () => {
    expect(latLngSchema.parse('22.565,113.15')).toEqual({ lat: 22.565, lng: 113.15 })
    expect(latLngSchema.parse('22.565, 113.15')).toEqual({ lat: 22.565, lng: 113.15 })
    expect(latLngSchema.safeParse('91,10').success).toBe(false)
    expect(latLngSchema.safeParse('22.5').success).toBe(false)
    expect(latLngSchema.safeParse('abc,def').success).toBe(false)
    expect(merchantListQuerySchema.parse({ near: '22.5,113.1', street: 'waihai' })).toMatchObject({ near: { lat: 22.5, lng: 113.1 }, street: 'waihai' })
    expect(merchantListQuerySchema.safeParse({ street: 'beijing' }).success).toBe(false)
  })

  it('a subsidy quote needs an event, a price, and a product or a category', () => {
    expect(subsidyQuoteQuerySchema.safeParse({ event: 'appliance-2026', priceFen: '400000' }).success).toBe(false)
    expect(subsidyQuoteQuerySchema.parse({ event: 'appliance-2026', category: 'fridge', grade: '1', priceFen: '400000' }))
      .toMatchObject({ priceFen: 400000, grade: '1' })
    expect(subsidyQuoteQuerySchema.safeParse({ event: 'appliance-2026', product: 'not-a-uuid', priceFen: '1' }).success).toBe(false)
    expect(subsidyQuoteQuerySchema.safeParse({ event: 'appliance-2026', category: 'fridge', grade: '7', priceFen: '1' }).success).toBe(false)
  })
})
