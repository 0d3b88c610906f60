import { calculateSubsidy, quoteSubsidy } from '#shared/domain/subsidy'
import type { SubsidyQuoteQuery } from '#shared/schemas/public'
import type { SubsidyQuoteDto } from '#shared/types/public'
import type { Executor } from '~~/server/db/client'
import { findProduct } from './catalogue'
import { findPublicEvent, findRule } from './events'

/** What a purchase would get in an event: a catalogue product at a price, or (the calculator) a category and grade. */
export async function quote(db: Executor, query: SubsidyQuoteQuery): Promise<SubsidyQuoteDto> {
  const event = await findPublicEvent(db, query.event)
  const product = query.product ? await findProduct(db, query.product) : null
  const categoryCode = product?.categoryCode ?? query.category!
  const rule = await findRule(db, event.id, categoryCode)
  if (!rule) return { eligible: false, subsidyFen: 0, payableFen: query.priceFen, reason: 'NOT_ELIGIBLE' }
  const result = product
    ? quoteSubsidy(rule, product, query.priceFen)
    : calculateSubsidy(rule, query.grade ?? 'none', query.priceFen)
  return result.eligible
    ? { eligible: true, subsidyFen: result.subsidyFen, payableFen: result.payableFen }
    : { eligible: false, subsidyFen: 0, payableFen: result.payableFen, reason: result.reason }
}
