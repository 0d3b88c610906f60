import { integer, pgTable, text } from 'drizzle-orm/pg-core'
import { eventKind } from './enums'

export const categories = pgTable('categories', {
  code: text().primaryKey(),
  kind: eventKind().notNull(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  /** Published safe-use life (GB 17905-2008, T/CHEAA 0011); null where no standard gives one. */
  safeUseYears: integer(),
  safeUseNote: text(),
  sortOrder: integer().notNull().default(0),
})
