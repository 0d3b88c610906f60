/**
 * Dates and times as residents read them, always in China Standard Time (the server may run in UTC, and
 * the same text must come out of the server and the browser).
 */
const TIME_ZONE = 'Asia/Shanghai'

export function useDateFormat() {
  const { locale } = useI18n()
  const tag = computed(() => (locale.value === 'en' ? 'en-GB' : 'zh-CN'))

  function fmt(iso: string | Date, options: Intl.DateTimeFormatOptions): string {
    const d = typeof iso === 'string' ? new Date(iso) : iso
    if (Number.isNaN(d.getTime())) return ''
    return new Intl.DateTimeFormat(tag.value, { timeZone: TIME_ZONE, ...options }).format(d)
  }

  const date = (iso: string | Date) => fmt(iso, { year: 'numeric', month: 'long', day: 'numeric' })
  const shortDate = (iso: string | Date) => fmt(iso, { month: 'long', day: 'numeric' })
  const time = (iso: string | Date) => fmt(iso, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const dateTime = (iso: string | Date) => `${shortDate(iso)} ${time(iso)}`

  /** The last day of a half-open period [start, end): an end at midnight belongs to the day before. */
  function lastDay(endIso: string): string {
    const end = new Date(endIso)
    return date(new Date(end.getTime() - 1))
  }

  return { date, shortDate, time, dateTime, lastDay }
}
