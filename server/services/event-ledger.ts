import { and, eq, inArray, sql } from 'drizzle-orm'
import { ledgerConsistent } from '#shared/domain/event-ledger'
import { DomainError } from '#shared/domain/errors'
import type { EventLedgerCategoryDto, EventLedgerDto } from '#shared/types/event-ledger'
import type { Database } from '~~/server/db/client'
import { eventRules, events, qualificationReleases, redemptions, vouchers } from '~~/server/db/schema'
import { transactionWithRetry } from '~~/server/utils/transaction-retry'
import { expireDueVouchers } from './vouchers'
import { budgetLeftFen } from '#shared/domain/budget'

/**
 * The bureau's reconciliation of one event: the running totals on the event and its releases next to the
 * same figures counted from the qualifications and redemptions themselves. Lazy expiry first (as on every
 * money route), then every figure from one snapshot (repeatable read), so claims landing meanwhile cannot
 * make a sound ledger look wrong.
 */
export async function eventLedger(db: Database, slug: string, now: Date): Promise<EventLedgerDto> {
  await expireDueVouchers(db, now)
  return transactionWithRetry(db, async (tx) => {
    const [event] = await tx.select({ id: events.id, slug: events.slug, budgetFen: events.budgetFen, reservedFen: events.reservedFen, spentFen: events.spentFen })
      .from(events).where(eq(events.slug, slug)).limit(1)
    if (!event) throw new DomainError('NOT_FOUND', 'No such event')
    const [rules, releases, held, spent] = await Promise.all([
      tx.select({ categoryCode: eventRules.categoryCode }).from(eventRules).where(eq(eventRules.eventId, event.id)),
      tx.select({
        categoryCode: qualificationReleases.categoryCode,
        quota: sql<number>`coalesce(sum(${qualificationReleases.quota}), 0)`.mapWith(Number),
        claimed: sql<number>`coalesce(sum(${qualificationReleases.claimed}), 0)`.mapWith(Number),
      }).from(qualificationReleases).where(eq(qualificationReleases.eventId, event.id)).groupBy(qualificationReleases.categoryCode),
      tx.select({
        categoryCode: vouchers.categoryCode,
        active: sql<number>`count(*) filter (where ${vouchers.status} = 'active')`.mapWith(Number),
        redeemed: sql<number>`count(*) filter (where ${vouchers.status} = 'redeemed')`.mapWith(Number),
        activeCapsFen: sql<number>`coalesce(sum(${vouchers.capFen}) filter (where ${vouchers.status} = 'active'), 0)`.mapWith(Number),
      }).from(vouchers).where(and(eq(vouchers.eventId, event.id), inArray(vouchers.status, ['active', 'redeemed']))).groupBy(vouchers.categoryCode),
      tx.select({
        categoryCode: redemptions.categoryCode,
        completed: sql<number>`count(*)`.mapWith(Number),
        subsidyFen: sql<number>`coalesce(sum(${redemptions.subsidyFen}), 0)`.mapWith(Number),
      }).from(redemptions).where(and(eq(redemptions.eventId, event.id), eq(redemptions.status, 'completed'))).groupBy(redemptions.categoryCode),
    ])
    const codes = [...new Set([...rules, ...releases, ...held, ...spent].map(r => r.categoryCode))].sort()
    const byCategory: EventLedgerCategoryDto[] = codes.map((categoryCode) => {
      const r = releases.find(x => x.categoryCode === categoryCode)
      const v = held.find(x => x.categoryCode === categoryCode)
      const s = spent.find(x => x.categoryCode === categoryCode)
      return {
        categoryCode,
        quota: r?.quota ?? 0,
        claimed: r?.claimed ?? 0,
        liveVouchers: (v?.active ?? 0) + (v?.redeemed ?? 0),
        activeVouchers: v?.active ?? 0,
        redeemedVouchers: v?.redeemed ?? 0,
        activeCapsFen: v?.activeCapsFen ?? 0,
        completedRedemptions: s?.completed ?? 0,
        completedSubsidyFen: s?.subsidyFen ?? 0,
      }
    })
    const total = (pick: (c: EventLedgerCategoryDto) => number) => byCategory.reduce((sum, c) => sum + pick(c), 0)
    const figures = {
      budgetFen: event.budgetFen,
      reservedFen: event.reservedFen,
      spentFen: event.spentFen,
      claimed: total(c => c.claimed),
      liveVouchers: total(c => c.liveVouchers),
      activeCapsFen: total(c => c.activeCapsFen),
      completedSubsidyFen: total(c => c.completedSubsidyFen),
    }
    return {
      eventSlug: event.slug,
      budgetFen: figures.budgetFen,
      reservedFen: figures.reservedFen,
      spentFen: figures.spentFen,
      availableFen: budgetLeftFen(figures),
      claimed: figures.claimed,
      recomputed: { liveVouchers: figures.liveVouchers, activeCapsFen: figures.activeCapsFen, completedSubsidyFen: figures.completedSubsidyFen },
      consistent: ledgerConsistent(figures),
      byCategory,
    }
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' })
}
