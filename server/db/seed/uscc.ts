/**
 * GB 32100-2015 unified social credit code (统一社会信用代码) check character, kept private to the seed so the
 * demo data does not depend on shared/domain. 18 characters: 1 registration authority, 2 entity type,
 * 3–8 administrative division (440704 = 江门市江海区), 9–17 organisation code, 18 the MOD 31 check character.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

export function seedUsccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`a USCC body has 17 characters, got ${first17.length}`)
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i))
    if (value < 0) throw new Error(`'${first17.charAt(i)}' is not in the GB 32100 alphabet`)
    sum += value * (WEIGHTS[i] ?? 0)
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31)
}

export function isSeedUsccValid(code: string): boolean {
  return /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(code)
    && seedUsccCheckChar(code.slice(0, 17)) === code.charAt(17)
}
