import { chinaDate } from './china-time'
import { DomainError } from './errors'

// GB 11643-1999 citizen identity number; check character per ISO 7064 MOD 11-2.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const ID_CHECK_CHARS = '10X98765432'

// GB/T 2260 province-level codes: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 Taiwan, 81 Hong Kong,
// 82 Macao, 83 (residence permits for Taiwan residents).
const PROVINCE_CODES = new Set<number>([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
])

export function normalizeResidentId(id: string): string {
  return id.trim().toUpperCase()
}

export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new DomainError('VALIDATION_FAILED', 'the body of a resident ID is 17 digits', { field: 'first17' })
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0)
  return ID_CHECK_CHARS.charAt(sum % 11)
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4))
  const m = Number(yyyymmdd.slice(4, 6))
  const d = Number(yyyymmdd.slice(6, 8))
  if (m < 1 || m > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0
  return d <= days
}

/**
 * An 18-character resident ID number (GB 11643-1999): province code, a real birth date between
 * 1900-01-01 and today (China time), and the MOD 11-2 check character. Lowercase x and surrounding
 * spaces are accepted.
 */
export function isValidResidentId(id: string, now: Date = new Date()): boolean {
  const s = normalizeResidentId(id)
  if (!/^\d{17}[\dX]$/.test(s)) return false
  if (!PROVINCE_CODES.has(Number(s.slice(0, 2)))) return false
  const birth = s.slice(6, 14)
  if (!isRealDate(birth) || birth < '19000101' || birth > chinaDate(now).replaceAll('-', '')) return false
  return residentIdCheckChar(s.slice(0, 17)) === s.charAt(17)
}

// GB 32100-2015 unified social credit code: 31-character alphabet (no I, O, Z, S, V), MOD 31 check.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const
// Position 1 registration authority, 2 entity type, 3–8 administrative division code (digits), 9–17
// organisation code, 18 check character.
const USCC_BODY = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{9}$/

export function normalizeUscc(code: string): string {
  return code.trim().toUpperCase()
}

export function usccCheckChar(first17: string): string {
  if (!USCC_BODY.test(first17)) {
    throw new DomainError('VALIDATION_FAILED', 'the body of a USCC is 17 characters of the GB 32100 alphabet', {
      field: 'first17',
    })
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0)
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31)
}

export function isValidUscc(code: string): boolean {
  const s = normalizeUscc(code)
  if (s.length !== 18) return false
  const body = s.slice(0, 17)
  if (!USCC_BODY.test(body)) return false
  return usccCheckChar(body) === s.charAt(17)
}

/**
 * PIPL masking (PRODUCT.md rule 10). Works on code points so that a rare character outside the BMP
 * counts as one character.
 */
export function maskIdNumber(id: string): string {
  const chars = Array.from(normalizeResidentId(id))
  if (chars.length <= 8) return '*'.repeat(chars.length)
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('')
}

/** Keep the first character (the surname, or the initial of a Latin name) and mask every other one. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return '*'.repeat(chars.length)
  return (chars[0] ?? '') + '*'.repeat(chars.length - 1)
}

/** '13812345678' → '138****5678'; other lengths keep the first 3 and last 4 when at least 8 long. */
export function maskPhone(phone: string): string {
  const s = phone.trim()
  if (s.length < 8) return '*'.repeat(s.length)
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4)
}

export function isMainlandMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone)
}
