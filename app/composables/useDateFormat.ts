import { intlTag, type Locale } from '#shared/i18n'
import { useI18n } from '~/composables/useI18n'

/**
 * Dates and times as residents read them, always in China Standard Time (the server may run in UTC, and
 * the same text must come out of the server and the browser).
 */
const TIME_ZONE = 'Asia/Shanghai'

const STYLES = {
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  shortDate: { month: 'long', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>

type Style = keyof typeof STYLES

// An Intl.DateTimeFormat is costly to make and cheap to use: one per language and style, for good.
const formats = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: Locale, style: Style): Intl.DateTimeFormat {
  const key = `${locale}:${style}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag(locale), { timeZone: TIME_ZONE, ...STYLES[style] })
    formats.set(key, format)
  }
  return format
}

export function useDateFormat() {
  const { locale } = useI18n()

  function fmt(iso: string | Date, style: Style): string {
    const d = typeof iso === 'string' ? new Date(iso) : iso
    if (Number.isNaN(d.getTime())) return ''
    return formatter(locale.value, style).format(d)
  }

  const date = (iso: string | Date) => fmt(iso, 'date')
  const shortDate = (iso: string | Date) => fmt(iso, 'shortDate')
  const time = (iso: string | Date) => fmt(iso, 'time')
  const dateTime = (iso: string | Date) => `${shortDate(iso)} ${time(iso)}`

  /** The last day of a half-open period [start, end): an end at midnight belongs to the day before. */
  function lastDay(endIso: string): string {
    const end = new Date(endIso)
    return date(new Date(end.getTime() - 1))
  }

  return { date, shortDate, time, dateTime, lastDay }
}
