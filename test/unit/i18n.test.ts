import { describe, expect, it } from 'vitest'
import { interpolate, localeOfPath, localizePath, lookup, mergeMessages, messageParts, pickMessages, preferredLocale, stripLocale } from '#shared/i18n'
import { MESSAGES } from '~~/i18n/messages'

describe('paths in two languages', () => {
  it.each([
    ['/', 'zh-CN', '/'],
    ['/en', 'en', '/'],
    ['/en/', 'en', '/'],
    ['/en/catalogue?q=x', 'en', '/catalogue?q=x'],
    ['/en?x=1', 'en', '/?x=1'],
    ['/events/en-route', 'zh-CN', '/events/en-route'],
    ['/english', 'zh-CN', '/english'],
  ] as const)('%s is %s, %s without its prefix', (path, locale, bare) => {
    expect(localeOfPath(path)).toBe(locale)
    expect(stripLocale(path)).toBe(bare)
  })

  it.each([
    ['/', 'en', '/en'],
    ['/catalogue', 'en', '/en/catalogue'],
    ['/en/catalogue', 'zh-CN', '/catalogue'],
    ['/en', 'zh-CN', '/'],
    ['/?q=1', 'en', '/en?q=1'],
    ['/en/merchants?street=waihai', 'en', '/en/merchants?street=waihai'],
  ] as const)('%s in %s is %s', (path, locale, expected) => {
    expect(localizePath(path, locale)).toBe(expected)
  })
})

describe('messages', () => {
  const messages = { a: { b: 'Hello {name}', c: '共 {n} 个' }, d: 'plain' }

  it('looks a message up by its dotted key', () => {
    expect(lookup(messages, 'a.b')).toBe('Hello {name}')
    expect(lookup(messages, 'd')).toBe('plain')
    expect(lookup(messages, 'a')).toBeUndefined()
    expect(lookup(messages, 'a.b.c')).toBeUndefined()
    expect(lookup(undefined, 'a.b')).toBeUndefined()
  })

  it('fills in named placeholders and leaves unknown ones as written', () => {
    expect(interpolate('Hello {name}', { name: 'Li' })).toBe('Hello Li')
    expect(interpolate('{a}{b}{a}', { a: 1, b: 0 })).toBe('101')
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}')
    expect(interpolate('no placeholders')).toBe('no placeholders')
  })

  it('splits a message around its placeholders for components', () => {
    expect(messageParts('共 {n} 个')).toEqual(['共 ', { slot: 'n' }, ' 个'])
    expect(messageParts('{start} 至 {end}')).toEqual([{ slot: 'start' }, ' 至 ', { slot: 'end' }])
    expect(messageParts('plain')).toEqual(['plain'])
  })

  it('picks the messages a page used, by key or by group, in the same shape', () => {
    expect(pickMessages(messages, ['a.c', 'd', 'missing.key'])).toEqual({ a: { c: '共 {n} 个' }, d: 'plain' })
    expect(pickMessages(messages, ['a', 'a.b'])).toEqual({ a: messages.a })
    expect(pickMessages(messages, [])).toEqual({})
  })

  it('merges message trees deeply', () => {
    expect(mergeMessages({ a: { b: '1' } }, { a: { c: '2' } }, { d: '3' })).toEqual({ a: { b: '1', c: '2' }, d: '3' })
  })

  it('has every message in both languages, with the same placeholders', () => {
    const keys = (tree: object, prefix = ''): string[] => Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
    const zh = keys(MESSAGES['zh-CN']).sort()
    const en = keys(MESSAGES.en).sort()
    expect(en).toEqual(zh)
    const names = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map(x => x[1]).sort()
    for (const key of zh) expect(names(lookup(MESSAGES.en, key)!), key).toEqual(names(lookup(MESSAGES['zh-CN'], key)!))
  })

  it('uses no message syntax but named placeholders (no plurals, links or literal braces)', () => {
    const all = (tree: object): string[] => Object.values(tree).flatMap(v => (typeof v === 'string' ? [v] : all(v)))
    for (const message of [...all(MESSAGES['zh-CN']), ...all(MESSAGES.en)]) {
      expect(message.replace(/\{\w+\}/g, ''), message).not.toMatch(/[{}]|@:|\|/)
    }
  })
})

describe('preferredLocale', () => {
  it.each([
    ['en', undefined, 'en'],
    ['zh-CN', 'en-US,en', 'zh-CN'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    [undefined, 'fr-FR,en;q=0.5,zh;q=0.4', 'en'],
    [undefined, 'en;q=0.3,zh-TW;q=0.8', 'zh-CN'],
    [undefined, 'fr', 'zh-CN'],
    [undefined, undefined, 'zh-CN'],
    ['xx', 'en', 'en'],
  ] as const)('cookie %s, Accept-Language %s → %s', (cookie, header, expected) => {
    expect(preferredLocale(cookie, header)).toBe(expected)
  })
})
