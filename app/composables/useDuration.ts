import { useI18n } from '~/composables/useI18n'

/** "2 天 5 小时" / "3 小时 20 分钟" / "12 分钟" for a span of milliseconds (never negative). */
export function useDuration() {
  const { t } = useI18n()
  function duration(ms: number): string {
    const totalMin = Math.max(0, Math.floor(ms / 60_000))
    const d = Math.floor(totalMin / 1440)
    const h = Math.floor((totalMin % 1440) / 60)
    const m = totalMin % 60
    if (d > 0) return t('vouchers.duration.dh', { d, h })
    if (h > 0) return t('vouchers.duration.hm', { h, m })
    return t('vouchers.duration.m', { m })
  }
  return { duration }
}
