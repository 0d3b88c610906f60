/**
 * Calendar arithmetic in China Standard Time: UTC+8 all year (no daylight saving), whatever the zone of
 * the server or the device. Days, months and opening hours of the campaign are China's.
 */
export const CHINA_OFFSET_MS = 8 * 3_600_000
export const DAY_MS = 86_400_000

type Instant = Date | string | number

function ms(at: Instant): number {
  return at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at)
}

/** The instant shifted so that its UTC fields read as the wall clock in China. */
function wall(at: Instant): Date {
  return new Date(ms(at) + CHINA_OFFSET_MS)
}

/** First instant of the calendar day of `at` in China. */
export function chinaDayStart(at: Instant): Date {
  const local = ms(at) + CHINA_OFFSET_MS
  return new Date(local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - CHINA_OFFSET_MS)
}

/** The instant of a wall-clock time in China (month 1–12). */
export function chinaWallTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - CHINA_OFFSET_MS)
}

/** "YYYY-MM-DD" in China. */
export function chinaDate(at: Instant): string {
  return wall(at).toISOString().slice(0, 10)
}

/** "YYYY-MM" in China. */
export function chinaMonth(at: Instant): string {
  return wall(at).toISOString().slice(0, 7)
}

/** "HH:MM" in China. */
export function chinaClock(at: Instant): string {
  return wall(at).toISOString().slice(11, 16)
}

/** Whether an instant is midnight in China. */
export function isChinaMidnight(at: Instant): boolean {
  return (ms(at) + CHINA_OFFSET_MS) % DAY_MS === 0
}

/** [first instant, first instant of the next month) of a calendar month "YYYY-MM" in China. */
export function chinaMonthRange(month: string): { from: Date, to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return { from: chinaWallTime(y, m, 1), to: chinaWallTime(y, m + 1, 1) }
}

/** An instant as "YYYY-MM-DDTHH:mm" in China, the value of an <input type="datetime-local">; '' if unreadable. */
export function toChinaLocalInput(at: Instant | null | undefined): string {
  if (at === null || at === undefined || Number.isNaN(ms(at))) return ''
  return wall(at).toISOString().slice(0, 16)
}

/** "YYYY-MM-DDTHH:mm" read as China time → ISO 8601 with +08:00; anything else is passed on for a schema to refuse. */
export function fromChinaLocalInput(local: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : local
}
