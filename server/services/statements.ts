import { and, asc, eq, gte, lt, sql } from 'drizzle-orm'
import { chinaMonthRange } from '#shared/domain/china-time'
import type { Executor } from '~~/server/db/client'
import { redemptions } from '~~/server/db/schema'
import type { MerchantCaller } from '~~/server/utils/guards'
import type { StatementDto } from '#shared/types/redemptions'

/** What the bureau owes a merchant for a month: its completed (not voided or reversed) redemptions. */
export async function monthlyStatement(db: Executor, caller: MerchantCaller, month: string): Promise<StatementDto> {
  const { from, to } = chinaMonthRange(month)
  const rows = await db.select({
    categoryCode: redemptions.categoryCode,
    count: sql<number>`count(*)`.mapWith(Number),
    subsidyFen: sql<number>`coalesce(sum(${redemptions.subsidyFen}), 0)`.mapWith(Number),
    salesFen: sql<number>`coalesce(sum(${redemptions.priceFen}), 0)`.mapWith(Number),
  }).from(redemptions)
    .where(and(eq(redemptions.merchantId, caller.merchantId), eq(redemptions.status, 'completed'), gte(redemptions.createdAt, from), lt(redemptions.createdAt, to)))
    .groupBy(redemptions.categoryCode)
    .orderBy(asc(redemptions.categoryCode))
  return {
    month,
    from: from.toISOString(),
    to: to.toISOString(),
    count: rows.reduce((a, r) => a + r.count, 0),
    subsidyFen: rows.reduce((a, r) => a + r.subsidyFen, 0),
    salesFen: rows.reduce((a, r) => a + r.salesFen, 0),
    categories: rows,
  }
}
