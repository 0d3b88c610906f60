import { formatYuan } from '#shared/domain/money'

/**
 * A whole-yuan amount for sentences ("最高 2,000 元", "up to ¥2,000"): formatYuan without the symbol and
 * without a ".00" that only adds noise; amounts with fen keep them.
 */
export function yuanInWords(fen: number): string {
  return formatYuan(fen, { symbol: false }).replace(/\.00$/, '')
}
