import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../support/client'
import type { ErrorBody } from '../support/http'
import { sharedReviewer } from '../support/merchants'
import {
  claim, closeTestDb, createTestEvent, createTestProduct, enrolledMerchant, newKey, redemptionBody, verifiedResident, verifiedResidents, type TestEvent,
} from '../support/vouchers'

afterAll(closeTestDb)

interface Flagged { id: string, flags: string[], serialNo: string }
interface Page<T> { items: T[], total: number }

const FILED = 599_900

/** Opening hours that do (or do not) include the present moment in China, an hour either side. */
function hoursAround(now: Date, includeNow: boolean): string {
  const minutes = (now.getUTCHours() * 60 + now.getUTCMinutes() + 8 * 60) % (24 * 60)
  const at = (m: number) => {
    const x = ((m % 1440) + 1440) % 1440
    return `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`
  }
  return includeNow ? `${at(minutes - 120)}-${at(minutes + 120)}` : `${at(minutes + 180)}-${at(minutes + 240)}`
}

async function setOpeningHours(merchant: Client, openingHours: string): Promise<void> {
  const current = await merchant.get<Record<string, unknown>>('/api/v1/merchant/profile')
  const { name, uscc, legalRep, contactPhone, storePhone, address, street, categories } = current.body
  const res = await merchant.put('/api/v1/merchant/profile', { name, uscc, legalRep, contactPhone, storePhone, address, street, categories, openingHours })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

async function flagsOf(reviewer: Client, id: string, query = 'flagged=true'): Promise<string[] | undefined> {
  const list = await reviewer.get<Page<Flagged>>(`/api/v1/admin/redemptions?${query}&pageSize=100`)
  expect(list.status).toBe(200)
  return list.body.items.find(i => i.id === id)?.flags
}

describe('anomaly flags on redemptions (rule 11)', () => {
  let event: TestEvent
  let product: string
  let reviewer: Client

  beforeAll(async () => {
    event = await createTestEvent({ rules: [{ code: 'fridge' }, { code: 'ac', perPersonLimit: 3 }], quota: 200 })
    product = await createTestProduct('fridge', { grade: 1, filedPriceFen: FILED })
    reviewer = await sharedReviewer()
  })

  async function redeem(merchant: Client, code: string, productId: string, overrides: Record<string, unknown> = {}) {
    return merchant.post<{ id: string }>('/api/v1/merchant/redemptions', redemptionBody(code, productId, overrides), { headers: { 'idempotency-key': newKey() } })
  }

  it('a price at the filed price is flagged; 97 % of it is not; an ordinary sale carries no flag at all', async () => {
    const { client: merchant } = await enrolledMerchant(event.slug, ['fridge'])
    await setOpeningHours(merchant, hoursAround(new Date(), true))
    const [a, b] = [await verifiedResident(), await verifiedResident()]
    const atFiled = await redeem(merchant, (await claim(a, event.slug)).code, product, { priceFen: FILED })
    const below = await redeem(merchant, (await claim(b, event.slug)).code, product, { priceFen: Math.floor(FILED * 0.97) })
    expect([atFiled.status, below.status]).toEqual([201, 201])
    expect(await flagsOf(reviewer, atFiled.body.id)).toEqual(['PRICE_NEAR_FILED'])
    expect(await flagsOf(reviewer, below.body.id)).toBeUndefined()
    expect(await flagsOf(reviewer, below.body.id, 'flagged=false')).toEqual([])
  })

  it('the third redemption for one identity on one day is flagged, the first two are not', async () => {
    const acProduct = await createTestProduct('ac', { grade: 1, filedPriceFen: FILED })
    const { client: merchant } = await enrolledMerchant(event.slug, ['ac'])
    await setOpeningHours(merchant, hoursAround(new Date(), true))
    const person = await verifiedResident()
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const voucher = await claim(person, event.slug, 'ac')
      const res = await redeem(merchant, voucher.code, acProduct, { oldItem: { categoryCode: 'ac', brand: '格力', ageYears: 11, disposal: 'recycler' } })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      ids.push(res.body.id)
    }
    const all = await reviewer.get<Page<Flagged>>('/api/v1/admin/redemptions?pageSize=100')
    const flags = ids.map(id => all.body.items.find(i => i.id === id)?.flags)
    expect(flags).toEqual([[], [], ['PERSON_SEVERAL_IN_DAY']])
  })

  it('a refused retry of a subsidised serial number flags the sale that holds it and is audited, once per retry', async () => {
    const { client: first } = await enrolledMerchant(event.slug, ['fridge'])
    const { client: second, merchantId: secondId } = await enrolledMerchant(event.slug, ['fridge'])
    await setOpeningHours(first, hoursAround(new Date(), true))
    const sale = await redeem(first, (await claim(await verifiedResident(), event.slug)).code, product, { serialNo: 'SN-RETRY-X1', priceFen: 450_000 })
    expect(sale.status).toBe(201)
    expect(await flagsOf(reviewer, sale.body.id, 'flagged=false')).toEqual([])

    const retry = await redeem(second, (await claim(await verifiedResident(), event.slug)).code, product, { serialNo: 'sn retry x1', priceFen: 450_000 })
    expect(retry.status).toBe(409)
    expect((retry.body as unknown as ErrorBody).data.code).toBe('SN_ALREADY_REDEEMED')
    expect(await flagsOf(reviewer, sale.body.id, 'flag=SN_TRIED_TWICE')).toEqual(['SN_TRIED_TWICE'])
    // A third try does not add the flag twice.
    await redeem(second, (await claim(await verifiedResident(), event.slug)).code, product, { serialNo: 'SN-RETRY-X1', priceFen: 450_000 })
    expect(await flagsOf(reviewer, sale.body.id)).toEqual(['SN_TRIED_TWICE'])

    const audit = await reviewer.get<Page<{ action: string, after: { triedByMerchantId?: string } }>>(`/api/v1/admin/audit?entity=redemption:${sale.body.id}&pageSize=100`)
    const tries = audit.body.items.filter(e => e.action === 'redemption.serial_retry')
    expect(tries).toHaveLength(2)
    expect(tries[0]!.after.triedByMerchantId).toBe(secondId)
  })

  it('flags the tenth sale of a shop with no history on one day, not the ninth', async () => {
    const { client: merchant, merchantId } = await enrolledMerchant(event.slug, ['fridge'])
    await setOpeningHours(merchant, hoursAround(new Date(), true))
    const people = await verifiedResidents(10)
    const ids: string[] = []
    for (const person of people) {
      const res = await redeem(merchant, (await claim(person, event.slug)).code, product, { priceFen: 450_000 })
      expect(res.status).toBe(201)
      ids.push(res.body.id)
    }
    const shop = await reviewer.get<Page<Flagged>>(`/api/v1/admin/redemptions?merchant=${merchantId}&pageSize=100`)
    const flagsById = new Map(shop.body.items.map(i => [i.id, i.flags]))
    expect(ids.slice(0, 9).map(id => flagsById.get(id))).toEqual(Array.from({ length: 9 }, () => []))
    expect(flagsById.get(ids[9]!)).toEqual(['MERCHANT_DAILY_SPIKE'])
    // The shop itself is not told which of its sales look odd.
    const own = await merchant.get<Page<Record<string, unknown>>>('/api/v1/merchant/redemptions?pageSize=100')
    expect(own.body.items).toHaveLength(10)
    expect(own.body.items.every(i => !('flags' in i))).toBe(true)
  })

  it('flags a sale outside the filed opening hours', async () => {
    const { client: merchant } = await enrolledMerchant(event.slug, ['fridge'])
    await setOpeningHours(merchant, hoursAround(new Date(), false))
    const res = await redeem(merchant, (await claim(await verifiedResident(), event.slug)).code, product, { priceFen: 450_000 })
    expect(res.status).toBe(201)
    expect(await flagsOf(reviewer, res.body.id, 'flag=OUTSIDE_OPENING_HOURS')).toEqual(['OUTSIDE_OPENING_HOURS'])
  })

  it('the flag filter is validated and only returns that flag', async () => {
    const bad = await reviewer.get<ErrorBody>('/api/v1/admin/redemptions?flag=SOMETHING')
    expect(bad.status).toBe(400)
    expect(bad.body.data.issues?.map(i => i.path)).toContain('flag')
    const near = await reviewer.get<Page<Flagged>>('/api/v1/admin/redemptions?flag=PRICE_NEAR_FILED&pageSize=100')
    expect(near.status).toBe(200)
    expect(near.body.items.length).toBeGreaterThan(0)
    expect(near.body.items.every(i => i.flags.includes('PRICE_NEAR_FILED'))).toBe(true)
  })
})
