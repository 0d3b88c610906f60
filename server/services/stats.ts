import { asc, eq, inArray, sql } from 'drizzle-orm'
import { publicEventStatus } from '#shared/domain/events'
import type { PublicStatsDto } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { events, qualificationReleases, redemptions } from '~~/server/db/schema'
import { expireDueVouchers } from './vouchers'

/** The public transparency figures: every public event's budget, and qualifications per category. */
export async function publicStats(db: Executor, now: Date): Promise<PublicStatsDto> {
  // Lazy expiry first (server/services/vouchers.ts), so claimed and reserved figures are right now.
  await expireDueVouchers(db, now)
  const rows = await db.select().from(events).where(inArray(events.status, ['published', 'closed'])).orderBy(asc(events.startsAt))
  const perCategory = await db.select({
    eventId: qualificationReleases.eventId,
    categoryCode: qualificationReleases.categoryCode,
    quota: sql<number>`sum(${qualificationReleases.quota})`.mapWith(Number),
    claimed: sql<number>`sum(${qualificationReleases.claimed})`.mapWith(Number),
  }).from(qualificationReleases)
    .innerJoin(events, eq(events.id, qualificationReleases.eventId))
    .where(inArray(events.status, ['published', 'closed']))
    .groupBy(qualificationReleases.eventId, qualificationReleases.categoryCode)
    .orderBy(asc(qualificationReleases.categoryCode))
  // Completed redemptions and the subsidy they charged, per event and category (API.md "GET /api/v1/stats").
  const redeemed = await db.select({
    eventId: redemptions.eventId,
    categoryCode: redemptions.categoryCode,
    redemptions: sql<number>`count(*)`.mapWith(Number),
    subsidyFen: sql<number>`coalesce(sum(${redemptions.subsidyFen}), 0)`.mapWith(Number),
  }).from(redemptions).where(eq(redemptions.status, 'completed'))
    .groupBy(redemptions.eventId, redemptions.categoryCode)
  const redeemedOf = (eventId: string, categoryCode: string) => redeemed.find(r => r.eventId === eventId && r.categoryCode === categoryCode)
  return {
    events: rows.map(e => ({
      slug: e.slug,
      title: e.titleZh,
      titleEn: e.titleEn,
      status: publicEventStatus(e, now)!,
      budgetFen: e.budgetFen,
      reservedFen: e.reservedFen,
      spentFen: e.spentFen,
      categories: perCategory.filter(c => c.eventId === e.id)
        .map(c => ({ categoryCode: c.categoryCode, quota: c.quota, claimed: c.claimed, redemptions: redeemedOf(e.id, c.categoryCode)?.redemptions ?? 0, subsidyFen: redeemedOf(e.id, c.categoryCode)?.subsidyFen ?? 0 })),
    })),
  }
}
