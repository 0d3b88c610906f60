import { describe, expect, it } from 'vitest'
import { publicPageOf } from '~~/server/cache/public-pages'

describe('publicPageOf', () => {
  it.each([
    ['/', '/', 'zh-CN', 'live'],
    ['/en', '/en', 'en', 'live'],
    ['/events/appliance-2026', '/events/appliance-2026', 'zh-CN', 'live'],
    ['/en/events/appliance-2026?utm=1', '/en/events/appliance-2026', 'en', 'live'],
    ['/catalogue?utm_source=x&category=fridge&q=%20BCD%20', '/catalogue?q=BCD&category=fridge', 'zh-CN', 'listing'],
    ['/catalogue?page=2&page=3', '/catalogue?page=2', 'zh-CN', 'listing'],
    ['/merchants?street=waihai&junk=1', '/merchants?street=waihai', 'zh-CN', 'listing'],
    ['/safe-use?age=9&category=gas_water_heater', '/safe-use?category=gas_water_heater&age=9', 'zh-CN', 'listing'],
    ['/catalogue/0f3e2a4c-0000-4000-8000-000000000001?x=1', '/catalogue/0f3e2a4c-0000-4000-8000-000000000001', 'zh-CN', 'listing'],
  ])('%s → %s', (raw, url, locale, policy) => {
    expect(publicPageOf(raw)).toEqual({ url, locale, policy })
  })

  it('keeps the order of a page\'s own parameters fixed, whatever the URL says', () => {
    expect(publicPageOf('/catalogue?grade=1&category=fridge')?.url).toBe(publicPageOf('/catalogue?category=fridge&grade=1')?.url)
  })

  it('drops values no form would send', () => {
    expect(publicPageOf(`/catalogue?q=${'x'.repeat(101)}`)?.url).toBe('/catalogue')
  })

  it.each(['/login', '/me', '/me/vouchers', '/merchant', '/merchant/redeem', '/admin/merchants', '/en/admin', '/events/', '/events/a/b', '/api/v1/events', '/catalogue/', '/enx', '/_nuxt/x.js'])('%s is not a cached public page', (raw) => {
    expect(publicPageOf(raw)).toBeUndefined()
  })
})
