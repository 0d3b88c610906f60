/** Opening hours as merchants file them: "HH:MM-HH:MM" (an en dash, "~" or "至" is accepted too). */
export interface OpeningHours { opensMin: number, closesMin: number }

const PATTERN = /^\s*(\d{1,2}):(\d{2})\s*(?:-|–|—|~|～|至|to)\s*(\d{1,2}):(\d{2})\s*$/

export function parseOpeningHours(text: string): OpeningHours | null {
  const m = PATTERN.exec(text)
  if (!m) return null
  const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number]
  if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59) return null
  return { opensMin: h1 * 60 + m1, closesMin: h2 * 60 + m2 }
}

/** Open at a "HH:MM" clock time; hours that pass midnight (20:00-02:00) are handled. */
export function isOpenAt(hours: OpeningHours, clock: string): boolean {
  const [h, m] = clock.split(':').map(Number) as [number, number]
  const t = h * 60 + m
  if (hours.opensMin === hours.closesMin) return true
  if (hours.opensMin < hours.closesMin) return t >= hours.opensMin && t < hours.closesMin
  return t >= hours.opensMin || t < hours.closesMin
}
