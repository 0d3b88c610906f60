import type { ReleaseDto } from '#shared/types/public'

export interface CategoryRelease {
  categoryCode: string
  release: ReleaseDto
  /** 'now': today's batch (open or sold out); 'next': the next scheduled batch; 'past': all batches have closed. */
  when: 'now' | 'next' | 'past'
}

/** For each category: the batch in its window now, else the next scheduled one, else the last one. */
export function releasePerCategory(releases: ReleaseDto[], categoryCodes: string[]): CategoryRelease[] {
  const out: CategoryRelease[] = []
  for (const code of categoryCodes) {
    const own = releases.filter(r => r.categoryCode === code)
    const current = own.find(r => r.state === 'open' || r.state === 'sold_out')
    if (current) {
      out.push({ categoryCode: code, release: current, when: 'now' })
      continue
    }
    const next = own
      .filter(r => r.state === 'scheduled')
      .sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt))[0]
    if (next) {
      out.push({ categoryCode: code, release: next, when: 'next' })
      continue
    }
    const last = [...own].sort((a, b) => Date.parse(b.opensAt) - Date.parse(a.opensAt))[0]
    if (last) out.push({ categoryCode: code, release: last, when: 'past' })
  }
  return out
}
