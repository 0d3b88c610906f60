import { z } from 'zod'
import { EVENT_KINDS } from '#shared/domain/events'
import { STREETS } from '#shared/domain/streets'

export const streetSchema = z.enum(STREETS)
export const eventKindSchema = z.enum(EVENT_KINDS)

/** Category codes look like "gas-water-heater"; whether one exists is checked against the database. */
export const categoryCodeSchema = z.string().trim().regex(/^[a-z][a-z0-9-]{1,39}$/, 'Unknown category code')
export const slugSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'Invalid slug')
export const uuidSchema = z.uuid('Invalid id')

/** Integer fen from a query string; money never travels as a float. */
export const fenQuerySchema = z.coerce.number({ error: 'Must be an amount in fen' })
  .int('Must be a whole number of fen')
  .min(0, 'Must not be negative')
  .max(1_000_000_000, 'Too large')

export const paginationShape = {
  page: z.coerce.number({ error: 'Must be a number' }).int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number({ error: 'Must be a number' }).int().min(1).max(100).default(20),
}

export const idParamsSchema = z.object({ id: uuidSchema })
export const slugParamsSchema = z.object({ slug: slugSchema })
