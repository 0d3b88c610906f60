import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { assertEventEditable, nextEventStatus, type EventAction } from '#shared/domain/event-lifecycle'
import { publicEventStatus } from '#shared/domain/events'
import type { AdminEventListQuery, EventCreateInput, EventPatchInput, EventRuleInput, ReleaseCreateInput } from '#shared/schemas/admin-events'
import type { EventKind, EventRuleDto, Page } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { categories, eventRules, events, qualificationReleases } from '~~/server/db/schema'
import { audit, changedFields } from '~~/server/utils/audit'
import { isUniqueViolation } from '~~/server/utils/db-errors'
import type { Issue } from '~~/server/utils/errors'
import type { Caller } from '~~/server/utils/guards'
import { transactionWithRetry } from '~~/server/utils/transaction-retry'
import { categoriesByEvent, ruleOf, toReleaseDto } from './events'
import type { AdminEventDto, AdminEventSummaryDto, AdminReleaseDto } from '#shared/types/bureau'
import { budgetLeftFen } from '#shared/domain/budget'

type EventRow = typeof events.$inferSelect
type ReleaseRow = typeof qualificationReleases.$inferSelect

function invalid(message: string, issues: Issue[]): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { issues })
}

/** The public release with what staff also see: places taken and when it was set up. */
function toAdminReleaseDto(row: ReleaseRow, now: Date): AdminReleaseDto {
  return { ...toReleaseDto(row, now), claimed: row.claimed, createdAt: row.createdAt.toISOString() }
}

function toSummary(row: EventRow, cats: string[], now: Date): AdminEventSummaryDto {
  return {
    id: row.id,
    slug: row.slug,
    title: row.titleZh,
    titleEn: row.titleEn,
    kind: row.kind,
    status: row.status,
    publicStatus: publicEventStatus(row, now),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    budgetFen: row.budgetFen,
    reservedFen: row.reservedFen,
    spentFen: row.spentFen,
    availableFen: budgetLeftFen(row),
    categories: cats,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

async function rulesOf(db: Executor, eventId: string): Promise<EventRuleDto[]> {
  const rows = await db.select().from(eventRules).where(eq(eventRules.eventId, eventId)).orderBy(asc(eventRules.categoryCode))
  return rows.map(r => ({ categoryCode: r.categoryCode, ...ruleOf(r) }))
}

async function adminView(db: Executor, row: EventRow, now: Date): Promise<AdminEventDto> {
  const [rules, releases] = await Promise.all([
    rulesOf(db, row.id),
    db.select().from(qualificationReleases).where(eq(qualificationReleases.eventId, row.id))
      .orderBy(asc(qualificationReleases.opensAt), asc(qualificationReleases.categoryCode), asc(qualificationReleases.id)),
  ])
  return {
    ...toSummary(row, rules.map(r => r.categoryCode), now),
    description: row.descriptionZh,
    descriptionEn: row.descriptionEn,
    rules,
    releases: releases.map(r => toAdminReleaseDto(r, now)),
  }
}

/** Every event, drafts included, newest period first: the bureau's list. */
export async function listAdminEvents(db: Executor, query: AdminEventListQuery, now: Date): Promise<Page<AdminEventSummaryDto>> {
  const conditions: (SQL | undefined)[] = [
    query.status ? eq(events.status, query.status) : undefined,
    query.kind ? eq(events.kind, query.kind) : undefined,
  ]
  const where = and(...conditions)
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(events).where(where).orderBy(desc(events.startsAt), asc(events.slug))
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(events).where(where),
  ])
  const cats = await categoriesByEvent(db, rows.map(r => r.id))
  return { items: rows.map(r => toSummary(r, cats.get(r.id) ?? [], now)), total: totalRow?.total ?? 0, page: query.page, pageSize: query.pageSize }
}

async function findEvent(db: Executor, slug: string, lock: boolean): Promise<EventRow> {
  const base = db.select().from(events).where(eq(events.slug, slug)).limit(1)
  const [row] = lock ? await base.for('update') : await base
  if (!row) throw new DomainError('NOT_FOUND', 'No such event')
  return row
}

export async function getAdminEvent(db: Executor, slug: string, now: Date): Promise<AdminEventDto> {
  return adminView(db, await findEvent(db, slug, false), now)
}

/** Each rule's category must exist and belong to the event's kind (issues at rules.N.categoryCode). */
async function checkRuleCategories(db: Executor, kind: EventKind, rules: ReadonlyArray<{ categoryCode: string }>): Promise<Issue[]> {
  if (rules.length === 0) return []
  const rows = await db.select({ code: categories.code, kind: categories.kind }).from(categories)
    .where(inArray(categories.code, rules.map(r => r.categoryCode)))
  const kindOf = new Map(rows.map(r => [r.code, r.kind]))
  const issues: Issue[] = []
  rules.forEach((rule, index) => {
    const actual = kindOf.get(rule.categoryCode)
    if (actual === undefined) issues.push({ path: `rules.${index}.categoryCode`, message: `Unknown category "${rule.categoryCode}"` })
    else if (actual !== kind) issues.push({ path: `rules.${index}.categoryCode`, message: `"${rule.categoryCode}" is a ${actual} category, not ${kind}` })
  })
  return issues
}

function ruleValues(eventId: string, rules: EventRuleInput[]) {
  return rules.map(r => ({
    eventId,
    categoryCode: r.categoryCode,
    ratePctByGrade: r.ratePctByGrade,
    capFen: r.capFen,
    fixedFen: r.fixedFen,
    perPersonLimit: r.perPersonLimit,
    priceCeilingFen: r.priceCeilingFen,
    requiresTradeIn: r.requiresTradeIn,
  }))
}

/** The fields an audit entry records (the audit's before → after), without the volatile timestamps. */
function auditFields(row: EventRow) {
  return {
    slug: row.slug,
    title: row.titleZh,
    titleEn: row.titleEn,
    description: row.descriptionZh,
    descriptionEn: row.descriptionEn,
    kind: row.kind,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    budgetFen: row.budgetFen,
  }
}

/** A new event, always a draft; its rules with it, and the audit entry, in one transaction. */
export async function createEvent(db: Executor, actor: Caller, input: EventCreateInput, now: Date): Promise<AdminEventDto> {
  try {
    return await transactionWithRetry(db, async (tx) => {
      const issues = await checkRuleCategories(tx, input.kind, input.rules)
      const [taken] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, input.slug)).limit(1)
      if (taken) issues.unshift({ path: 'slug', message: 'This slug is already used by another event' })
      if (issues.length > 0) throw invalid('Invalid event', issues)
      const [row] = await tx.insert(events).values({
        slug: input.slug,
        titleZh: input.title,
        titleEn: input.titleEn,
        descriptionZh: input.description,
        descriptionEn: input.descriptionEn,
        kind: input.kind,
        status: 'draft',
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        budgetFen: input.budgetFen,
        createdAt: now,
        updatedAt: now,
      }).returning()
      if (input.rules.length > 0) await tx.insert(eventRules).values(ruleValues(row!.id, input.rules))
      const view = await adminView(tx, row!, now)
      await audit(tx, { actor, action: 'event.create', entityType: 'event', entityId: row!.id, before: null, after: { ...auditFields(row!), rules: view.rules } })
      return view
    })
  }
  catch (error) {
    // Two administrators creating the same slug at once: the unique index decides.
    if (isUniqueViolation(error)) throw invalid('Invalid event', [{ path: 'slug', message: 'This slug is already used by another event' }])
    throw error
  }
}

function sameRules(a: EventRuleDto[], b: EventRuleDto[]): boolean {
  const norm = (rules: EventRuleDto[]) => JSON.stringify([...rules].sort((x, y) => x.categoryCode.localeCompare(y.categoryCode)).map(r => ({
    categoryCode: r.categoryCode,
    ratePctByGrade: r.ratePctByGrade === null ? null : Object.fromEntries(Object.entries(r.ratePctByGrade).sort(([x], [y]) => x.localeCompare(y))),
    capFen: r.capFen,
    fixedFen: r.fixedFen,
    perPersonLimit: r.perPersonLimit,
    priceCeilingFen: r.priceCeilingFen,
    requiresTradeIn: r.requiresTradeIn,
  })))
  return norm(a) === norm(b)
}

/**
 * A partial update on the locked event row. On a published event the kind is fixed (merchants enrolled
 * and residents claimed by its categories) and the budget may not go below what is reserved and spent.
 * Rules, when given, replace the set; a category with releases keeps its rule. Field changes are audited
 * as event.update and rule changes as event.rules_edit, each with before → after, in the same transaction.
 */
export async function updateEvent(db: Executor, actor: Caller, slug: string, patch: EventPatchInput, now: Date): Promise<AdminEventDto> {
  return transactionWithRetry(db, async (tx) => {
    const current = await findEvent(tx, slug, true)
    assertEventEditable(current.status)
    const kind = patch.kind ?? current.kind
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : current.startsAt
    const endsAt = patch.endsAt ? new Date(patch.endsAt) : current.endsAt
    const budgetFen = patch.budgetFen ?? current.budgetFen
    const issues: Issue[] = []

    if (patch.kind && patch.kind !== current.kind && current.status !== 'draft') {
      issues.push({ path: 'kind', message: 'The kind of a published event cannot change' })
    }
    if (endsAt.getTime() <= startsAt.getTime()) issues.push({ path: 'endsAt', message: 'The end must be after the start' })
    const committed = current.reservedFen + current.spentFen
    if (budgetFen < committed) {
      issues.push({ path: 'budgetFen', message: `The budget cannot go below what is already reserved and spent (${committed} fen)` })
    }

    const rulesBefore = await rulesOf(tx, current.id)
    const releases = await tx.select().from(qualificationReleases).where(eq(qualificationReleases.eventId, current.id))
    if (patch.rules) {
      issues.push(...await checkRuleCategories(tx, kind, patch.rules))
      const kept = new Set(patch.rules.map(r => r.categoryCode))
      const orphaned = [...new Set(releases.filter(r => !kept.has(r.categoryCode)).map(r => r.categoryCode))]
      if (orphaned.length > 0) issues.push({ path: 'rules', message: `Categories with qualification releases keep their rule: ${orphaned.join(', ')}` })
    }
    else if (kind !== current.kind) {
      const wrong = await checkRuleCategories(tx, kind, rulesBefore)
      if (wrong.length > 0) issues.push({ path: 'kind', message: 'The event has rules for categories of another kind: replace the rules too' })
    }
    if (patch.startsAt || patch.endsAt) {
      const outside = releases.filter(r => r.opensAt < startsAt || r.closesAt > endsAt)
      if (outside.length > 0) issues.push({ path: patch.startsAt ? 'startsAt' : 'endsAt', message: `${outside.length} qualification release(s) would fall outside the event period` })
    }
    if (issues.length > 0) throw invalid('Invalid event', issues)

    const [row] = await tx.update(events).set({
      titleZh: patch.title ?? current.titleZh,
      titleEn: patch.titleEn ?? current.titleEn,
      descriptionZh: patch.description ?? current.descriptionZh,
      descriptionEn: patch.descriptionEn ?? current.descriptionEn,
      kind,
      startsAt,
      endsAt,
      budgetFen,
      updatedAt: now,
    }).where(eq(events.id, current.id)).returning()

    const changed = changedFields(auditFields(current), auditFields(row!))
    if (changed) await audit(tx, { actor, action: 'event.update', entityType: 'event', entityId: current.id, ...changed })
    if (patch.rules) {
      await tx.delete(eventRules).where(eq(eventRules.eventId, current.id))
      if (patch.rules.length > 0) await tx.insert(eventRules).values(ruleValues(current.id, patch.rules))
      const rulesAfter = await rulesOf(tx, current.id)
      if (!sameRules(rulesBefore, rulesAfter)) {
        await audit(tx, { actor, action: 'event.rules_edit', entityType: 'event', entityId: current.id, before: { status: current.status, rules: rulesBefore }, after: { status: current.status, rules: rulesAfter } })
      }
    }
    return adminView(tx, row!, now)
  })
}

async function transition(db: Executor, actor: Caller, slug: string, action: EventAction, now: Date): Promise<AdminEventDto> {
  return transactionWithRetry(db, async (tx) => {
    const current = await findEvent(tx, slug, true)
    const [ruleCount] = await tx.select({ n: count() }).from(eventRules).where(eq(eventRules.eventId, current.id))
    const status = nextEventStatus(current.status, action, { ruleCount: ruleCount?.n ?? 0 })
    if (action === 'publish' && current.endsAt.getTime() <= now.getTime()) {
      throw new DomainError('INVALID_TRANSITION', 'The event period is over: move its end before publishing', { from: current.status, action })
    }
    const [row] = await tx.update(events).set({ status, updatedAt: now })
      .where(and(eq(events.id, current.id), eq(events.status, current.status))).returning()
    if (!row) throw new DomainError('INVALID_TRANSITION', 'The event changed meanwhile: reload and try again')
    await audit(tx, { actor, action: `event.${action}`, entityType: 'event', entityId: current.id, before: { status: current.status }, after: { status } })
    return adminView(tx, row, now)
  })
}

/** draft → published (needs a rule and a period not yet over). */
export function publishEvent(db: Executor, actor: Caller, slug: string, now: Date): Promise<AdminEventDto> {
  return transition(db, actor, slug, 'publish', now)
}

/** published → closed: no more claims; what was claimed and redeemed stays. */
export function closeEvent(db: Executor, actor: Caller, slug: string, now: Date): Promise<AdminEventDto> {
  return transition(db, actor, slug, 'close', now)
}

/**
 * A batch of qualifications for one category (rule 5): the category must have a rule in the event and the
 * window must lie inside the event's period. Not on a closed event.
 */
export async function addRelease(db: Executor, actor: Caller, slug: string, input: ReleaseCreateInput, now: Date): Promise<AdminReleaseDto> {
  return transactionWithRetry(db, async (tx) => {
    const event = await findEvent(tx, slug, true)
    if (event.status === 'closed') throw new DomainError('INVALID_TRANSITION', 'A closed event gets no more releases', { from: event.status })
    const opensAt = new Date(input.opensAt)
    const closesAt = new Date(input.closesAt)
    const issues: Issue[] = []
    const [rule] = await tx.select({ code: eventRules.categoryCode }).from(eventRules)
      .where(and(eq(eventRules.eventId, event.id), eq(eventRules.categoryCode, input.categoryCode))).limit(1)
    if (!rule) issues.push({ path: 'categoryCode', message: `The event has no rule for "${input.categoryCode}"` })
    if (opensAt < event.startsAt) issues.push({ path: 'opensAt', message: 'The release must open within the event period' })
    if (closesAt > event.endsAt) issues.push({ path: 'closesAt', message: 'The release must close within the event period' })
    if (issues.length > 0) throw invalid('Invalid release', issues)
    const [row] = await tx.insert(qualificationReleases).values({
      eventId: event.id,
      categoryCode: input.categoryCode,
      opensAt,
      closesAt,
      quota: input.quota,
      createdAt: now,
    }).returning()
    const dto = toAdminReleaseDto(row!, now)
    await audit(tx, { actor, action: 'event.release_add', entityType: 'event', entityId: event.id, before: null, after: { releaseId: dto.id, categoryCode: dto.categoryCode, opensAt: dto.opensAt, closesAt: dto.closesAt, quota: dto.quota } })
    return dto
  })
}
