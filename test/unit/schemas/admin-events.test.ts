import { describe, expect, it } from 'vitest'
import { assertEventEditable, EVENT_STATUSES, nextEventStatus, type EventAction, type EventStatus } from '#shared/domain/event-lifecycle'
import { DomainError } from '#shared/domain/errors'
import { eventCreateSchema, eventPatchSchema, eventRuleInputSchema, releaseCreateSchema } from '#shared/schemas/admin-events'

const rateRule = { categoryCode: 'gas-stove', ratePctByGrade: { 1: 20, 2: 15 }, capFen: 200000, perPersonLimit: 1, requiresTradeIn: true }

const event = {
  slug: 'gas-2027-spring',
  title: '2027 邑齐焕新·燃气具以旧换新',
  titleEn: 'Gas appliance trade-in, spring 2027',
  kind: 'gas',
  startsAt: '2027-03-01T00:00:00+08:00',
  endsAt: '2027-06-30T23:59:59+08:00',
  budgetFen: 500_000_000,
  rules: [rateRule, { ...rateRule, categoryCode: 'gas-water-heater' }],
}

function paths(result: { success: boolean, error?: { issues: Array<{ path: PropertyKey[] }> } }): string[] {
  return result.error?.issues.map(i => i.path.map(String).join('.')) ?? []
}

describe('event lifecycle', () => {
  it('goes draft → published → closed', () => {
    expect(nextEventStatus('draft', 'publish', { ruleCount: 1 })).toBe('published')
    expect(nextEventStatus('published', 'close', { ruleCount: 1 })).toBe('closed')
  })

  it('needs at least one rule to publish', () => {
    expect(() => nextEventStatus('draft', 'publish', { ruleCount: 0 })).toThrowError(expect.objectContaining({ code: 'INVALID_TRANSITION' }))
  })

  const allowed = new Set(['draft:publish', 'published:close'])
  const cases = EVENT_STATUSES.flatMap(s => (['publish', 'close'] as EventAction[]).map(a => [s, a] as [EventStatus, EventAction]))
    .filter(([s, a]) => !allowed.has(`${s}:${a}`))
  it.each(cases)('refuses %s --%s--> with INVALID_TRANSITION', (status, action) => {
    let error: unknown
    try {
      nextEventStatus(status, action, { ruleCount: 3 })
    }
    catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('INVALID_TRANSITION')
  })

  it('a closed event is not editable; drafts and published events are', () => {
    expect(() => assertEventEditable('closed')).toThrowError(expect.objectContaining({ code: 'INVALID_TRANSITION' }))
    expect(() => assertEventEditable('draft')).not.toThrow()
    expect(() => assertEventEditable('published')).not.toThrow()
  })
})

describe('eventCreateSchema', () => {
  it('accepts a full event and fills defaults', () => {
    const parsed = eventCreateSchema.parse(event)
    expect(parsed.description).toBe('')
    expect(parsed.rules[0]).toEqual({ categoryCode: 'gas-stove', ratePctByGrade: { 1: 20, 2: 15 }, capFen: 200000, fixedFen: null, perPersonLimit: 1, priceCeilingFen: null, requiresTradeIn: true })
  })

  it('accepts a car rule with a fixed amount and no cap, and an event without rules (a draft)', () => {
    expect(eventCreateSchema.safeParse({ ...event, kind: 'car', rules: [{ categoryCode: 'nev', fixedFen: 2_000_000, requiresTradeIn: true }] }).success).toBe(true)
    expect(eventCreateSchema.safeParse({ ...event, rules: undefined }).success).toBe(true)
  })

  it.each([
    ['a slug with capitals', { slug: 'Gas 2027' }, 'slug'],
    ['no slug', { slug: undefined }, 'slug'],
    ['an empty title', { title: ' ' }, 'title'],
    ['a time without offset', { startsAt: '2027-03-01T00:00:00' }, 'startsAt'],
    ['a date only', { endsAt: '2027-06-30' }, 'endsAt'],
    ['an end before the start', { endsAt: '2027-02-01T00:00:00+08:00' }, 'endsAt'],
    ['an end equal to the start', { endsAt: '2027-03-01T00:00:00+08:00' }, 'endsAt'],
    ['a negative budget', { budgetFen: -1 }, 'budgetFen'],
    ['a budget in yuan with decimals', { budgetFen: 1000.5 }, 'budgetFen'],
    ['a budget as a string', { budgetFen: '500000' }, 'budgetFen'],
    ['an unknown kind', { kind: 'boat' }, 'kind'],
    ['an unknown field', { status: 'published' }, ''],
  ])('refuses %s (path %s)', (_what, override, path) => {
    expect(paths(eventCreateSchema.safeParse({ ...event, ...override }))).toContain(path)
  })

  it('refuses the same category twice, at the second rule', () => {
    expect(paths(eventCreateSchema.safeParse({ ...event, rules: [rateRule, rateRule] }))).toEqual(['rules.1.categoryCode'])
  })
})

describe('eventRuleInputSchema', () => {
  it.each([
    ['neither rates nor a fixed amount', { ratePctByGrade: null }, 'ratePctByGrade'],
    ['both rates and a fixed amount', { fixedFen: 100000 }, 'fixedFen'],
    ['a rate rule without a cap', { capFen: null }, 'capFen'],
    ['an empty rate table', { ratePctByGrade: {} }, 'ratePctByGrade'],
    ['a rate above 100', { ratePctByGrade: { 1: 120 } }, 'ratePctByGrade.1'],
    ['a negative rate', { ratePctByGrade: { 2: -5 } }, 'ratePctByGrade.2'],
    ['a rate with three decimals', { ratePctByGrade: { 1: 12.345 } }, 'ratePctByGrade.1'],
    ['grade 6', { ratePctByGrade: { 6: 10 } }, 'ratePctByGrade'],
    ['a negative cap', { capFen: -1 }, 'capFen'],
    ['a cap in decimals', { capFen: 100.5 }, 'capFen'],
    ['a negative price ceiling', { priceCeilingFen: -1 }, 'priceCeilingFen'],
    ['a per-person limit of 0', { perPersonLimit: 0 }, 'perPersonLimit'],
    ['a per-person limit of 11', { perPersonLimit: 11 }, 'perPersonLimit'],
    ['a bad category code', { categoryCode: 'Gas Stove!' }, 'categoryCode'],
    ['an unknown field', { rateBp: 2000 }, ''],
  ])('refuses %s (path %s)', (_what, override, path) => {
    const result = eventRuleInputSchema.safeParse({ ...rateRule, ...override })
    expect(result.success).toBe(false)
    expect(paths(result)).toContain(path)
  })

  it('accepts "none" for unlabelled items and rates with two decimals', () => {
    expect(eventRuleInputSchema.safeParse({ ...rateRule, ratePctByGrade: { none: 15, 1: 12.5 } }).success).toBe(true)
  })
})

describe('eventPatchSchema', () => {
  it('accepts any subset of the fields', () => {
    expect(eventPatchSchema.parse({ budgetFen: 1 })).toEqual({ budgetFen: 1 })
    expect(eventPatchSchema.safeParse({ rules: [] }).success).toBe(true)
  })

  it('refuses an empty patch, a slug change and an inverted period', () => {
    expect(eventPatchSchema.safeParse({}).success).toBe(false)
    expect(eventPatchSchema.safeParse({ slug: 'other' }).success).toBe(false)
    expect(paths(eventPatchSchema.safeParse({ startsAt: '2027-03-01T00:00:00+08:00', endsAt: '2027-01-01T00:00:00+08:00' }))).toContain('endsAt')
  })
})

describe('releaseCreateSchema', () => {
  const release = { categoryCode: 'gas-stove', opensAt: '2027-03-01T10:00:00+08:00', closesAt: '2027-03-01T22:00:00+08:00', quota: 50 }
  it('accepts a release', () => {
    expect(releaseCreateSchema.parse(release)).toEqual(release)
  })
  it.each([
    ['a quota of 0', { quota: 0 }, 'quota'],
    ['a fractional quota', { quota: 1.5 }, 'quota'],
    ['a window closing before it opens', { closesAt: '2027-03-01T09:00:00+08:00' }, 'closesAt'],
    ['a time without offset', { opensAt: '2027-03-01 10:00' }, 'opensAt'],
  ])('refuses %s (path %s)', (_what, override, path) => {
    expect(paths(releaseCreateSchema.safeParse({ ...release, ...override }))).toContain(path)
  })
})

describe('unknown fields in a patch', () => {
  it('are reported once, not also as an empty patch', () => {
    expect(eventPatchSchema.safeParse({ slug: 'renamed' }).error?.issues).toHaveLength(1)
  })
})
