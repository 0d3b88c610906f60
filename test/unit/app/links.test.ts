import { describe, expect, it } from 'vitest'
import { hrefWith, isAppNavigation, type LinkClick } from '~~/app/utils/links'

const here = { origin: 'https://tradein.example', pathname: '/catalogue', search: '?q=tv' }

function anchor(href: string, attributes: Record<string, string> = {}) {
  const link = {
    href: new URL(href, here.origin).href,
    target: attributes.target ?? '',
    hasAttribute: (name: string) => name in attributes,
    closest: (selector: string) => (selector === 'a[href]' ? link : null),
  }
  return link
}

function click(target: unknown, overrides: Partial<LinkClick> = {}): LinkClick {
  return { defaultPrevented: false, button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, target: target as EventTarget, ...overrides }
}

describe('isAppNavigation', () => {
  it('opens a link to a page of this site inside the app, with its query and hash', () => {
    expect(isAppNavigation(click(anchor('/merchants?street=waihai#list')), here)).toBe('/merchants?street=waihai#list')
    expect(isAppNavigation(click(anchor('/en/events/appliance-2026')), here)).toBe('/en/events/appliance-2026')
  })

  it('finds the link from a click on something inside it', () => {
    const link = anchor('/safe-use')
    const icon = { closest: (selector: string) => link.closest(selector) }
    expect(isAppNavigation(click(icon), here)).toBe('/safe-use')
  })

  it('leaves modified, non-left and already handled clicks to the browser', () => {
    const link = anchor('/merchants')
    for (const overrides of [{ metaKey: true }, { ctrlKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }, { defaultPrevented: true }]) {
      expect(isAppNavigation(click(link, overrides), here)).toBeUndefined()
    }
  })

  it('leaves other sites, other schemes, new windows, downloads and marked links to the browser', () => {
    expect(isAppNavigation(click(anchor('https://map.example/?q=1')), here)).toBeUndefined()
    expect(isAppNavigation(click(anchor('tel:0750-1234567')), here)).toBeUndefined()
    expect(isAppNavigation(click(anchor('/merchants', { target: '_blank' })), here)).toBeUndefined()
    expect(isAppNavigation(click(anchor('/api/v1/report.csv', { download: '' })), here)).toBeUndefined()
    expect(isAppNavigation(click(anchor('/merchants', { 'data-reload': '' })), here)).toBeUndefined()
    expect(isAppNavigation(click(anchor('/merchants', { target: '_self' })), here)).toBe('/merchants')
  })

  it('leaves a jump within the same page to the browser, but not the same hash on another page', () => {
    expect(isAppNavigation(click(anchor('/catalogue?q=tv#main')), here)).toBeUndefined()
    expect(isAppNavigation(click(anchor('/catalogue#main')), here)).toBe('/catalogue#main')
  })

  it('ignores clicks outside any link', () => {
    expect(isAppNavigation(click({ closest: () => null }), here)).toBeUndefined()
    expect(isAppNavigation(click(null), here)).toBeUndefined()
  })
})

describe('hrefWith', () => {
  it('writes the query, leaving out empty values and repeating lists', () => {
    expect(hrefWith('/catalogue', { q: '格力 空调', category: 'ac', brand: '', page: 2, grade: undefined, sort: null })).toBe('/catalogue?q=%E6%A0%BC%E5%8A%9B+%E7%A9%BA%E8%B0%83&category=ac&page=2')
    expect(hrefWith('/admin/redemptions', { flag: ['A', 'B'] })).toBe('/admin/redemptions?flag=A&flag=B')
  })

  it('is the bare path when nothing is left', () => {
    expect(hrefWith('/merchants', { street: '' })).toBe('/merchants')
    expect(hrefWith('/merchants')).toBe('/merchants')
  })
})
