/**
 * Opening hours as merchants file them: "09:00-21:00", or several intervals "09:00-12:00, 14:00-21:00" (an en
 * dash, "~" or "至" is accepted between the times). Hours that pass midnight (20:00-02:00) are handled.
 */
export interface OpeningInterval { opensMin: number, closesMin: number }
export interface OpeningHours { intervals: OpeningInterval[] }

const INTERVAL = /^\s*(\d{1,2}):(\d{2})\s*(?:-|–|—|~|～|至|to)\s*(\d{1,2}):(\d{2})\s*$/

export function parseOpeningHours(text: string): OpeningHours | null {
  const parts = text.split(/[,，;；、]/)
  const intervals: OpeningInterval[] = []
  for (const part of parts) {
    const m = INTERVAL.exec(part)
    if (!m) return null
    const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number]
    if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59) return null
    intervals.push({ opensMin: h1 * 60 + m1, closesMin: h2 * 60 + m2 })
  }
  return intervals.length > 0 ? { intervals } : null
}

function minuteOfDay(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number]
  return h * 60 + m
}

function inInterval(i: OpeningInterval, t: number, graceMin: number): boolean {
  if (i.opensMin === i.closesMin) return true
  const day = 24 * 60
  const opens = (i.opensMin - graceMin + day) % day
  const closes = (i.closesMin + graceMin) % day
  if (graceMin * 2 + ((i.closesMin - i.opensMin + day) % day) >= day) return true
  if (opens < closes) return t >= opens && t < closes
  return t >= opens || t < closes
}

/**
 * Open at a "HH:MM" clock time. `graceMin` widens every interval on both sides (a sale rung up just after
 * closing is ordinary; one at 03:00 is not).
 */
export function isOpenAt(hours: OpeningHours, clock: string, graceMin = 0): boolean {
  const t = minuteOfDay(clock)
  return hours.intervals.some(i => inInterval(i, t, graceMin))
}
