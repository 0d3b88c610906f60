import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/domain/errors'
import {
  isMainlandMobile,
  isValidResidentId,
  isValidUscc,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizeResidentId,
  normalizeUscc,
  residentIdCheckChar,
  usccCheckChar,
} from '../../../shared/domain/identity'

const NOW = new Date('2026-03-15T04:00:00Z')

function withCheck(body17: string): string {
  return body17 + residentIdCheckChar(body17)
}

function expectValidationError(fn: () => unknown): void {
  let caught: unknown
  try {
    fn()
  }
  catch (e) {
    caught = e
  }
  expect(caught).toBeInstanceOf(DomainError)
  expect((caught as DomainError).code).toBe('VALIDATION_FAILED')
}

describe('residentIdCheckChar (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('computes X for the published sample 11010519491231002X', () => {
    // By hand: digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 × weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; '10X98765432'[2] = 'X'.
    expect(residentIdCheckChar('11010519491231002')).toBe('X')
  })

  it('computes 5 for a Jianghai (440704) body', () => {
    // By hand: 4 4 0 7 0 4 1 9 9 0 0 1 0 1 1 2 3 × weights
    // = 28+36+0+35+0+16+2+9+54+0+0+9+0+5+8+8+6 = 216; 216 mod 11 = 7; '10X98765432'[7] = '5'.
    expect(residentIdCheckChar('44070419900101123')).toBe('5')
  })

  it('maps every remainder through 10X98765432', () => {
    // The first 16 digits weigh 210 ≡ 1 (mod 11) and the last has weight 2, so the remainder is (1 + 2d) mod 11:
    // d = 0…9 → 1 3 5 7 9 0 2 4 6 8.
    const chars = Array.from({ length: 10 }, (_, d) => residentIdCheckChar(`4407041990010112${d}`))
    expect(chars).toEqual(['0', '9', '7', '5', '3', '1', 'X', '8', '6', '4'])
    // remainder 10: 11010519491231002 weighs 167; changing its last digit 2 → 6 adds 8 → 175 ≡ 10 → '2'
    expect(residentIdCheckChar('11010519491231006')).toBe('2')
  })

  it.each(['', '4407041990010112', '440704199001011234', '4407041990010112X', '44070419900101 12'])(
    'refuses body %j',
    (body) => {
      expectValidationError(() => residentIdCheckChar(body))
    },
  )
})

describe('isValidResidentId', () => {
  it('accepts the published sample 11010519491231002X', () => {
    expect(isValidResidentId('11010519491231002X', NOW)).toBe(true)
  })

  it('rejects the sample with one digit changed', () => {
    expect(isValidResidentId('11010519491231003X', NOW)).toBe(false)
    expect(isValidResidentId('110105194912310021', NOW)).toBe(false)
  })

  it('accepts Jiangmen examples with computed check characters', () => {
    expect(isValidResidentId('440704199001011235', NOW)).toBe(true)
    expect(isValidResidentId('440704198506150025', NOW)).toBe(true)
    expect(isValidResidentId('440704200002290040', NOW)).toBe(true) // 2000 is a leap year
  })

  it('rejects every wrong check character', () => {
    for (const c of '0123456789X') {
      if (c === '5') continue
      expect(isValidResidentId(`44070419900101123${c}`, NOW)).toBe(false)
    }
  })

  it('accepts a lowercase x and surrounding spaces', () => {
    expect(isValidResidentId('11010519491231002x', NOW)).toBe(true)
    expect(isValidResidentId('  11010519491231002X \n', NOW)).toBe(true)
  })

  it.each(['', '11010519491231002', '11010519491231002X1', '1101051949123100X2', '11010519491231002Y', '１１０１０５１９４９１２３１００２X'])(
    'rejects malformed %j',
    (id) => {
      expect(isValidResidentId(id, NOW)).toBe(false)
    },
  )

  it('rejects impossible birth dates even with a correct check character', () => {
    for (const date of ['19990230', '19990229', '19991301', '19990001', '19990100', '19990431', '19000229']) {
      expect(isValidResidentId(withCheck(`440704${date}001`), NOW)).toBe(false)
    }
  })

  it('accepts real edge dates', () => {
    for (const date of ['19000101', '19991231', '20240229', '19960229']) {
      expect(isValidResidentId(withCheck(`440704${date}001`), NOW)).toBe(true)
    }
  })

  it('rejects birth dates before 1900', () => {
    expect(isValidResidentId(withCheck('44070418991231001'), NOW)).toBe(false)
  })

  it('rejects a future birth date and accepts today, in China time', () => {
    // 2026-03-14T16:30Z is 2026-03-15 00:30 in Beijing
    const now = new Date('2026-03-14T16:30:00Z')
    expect(isValidResidentId(withCheck('44070420260315001'), now)).toBe(true)
    expect(isValidResidentId(withCheck('44070420260316001'), now)).toBe(false)
    expect(isValidResidentId(withCheck('44070420260315001'), new Date('2026-03-14T15:59:59Z'))).toBe(false)
    expect(isValidResidentId(withCheck('44070430000101001'), now)).toBe(false)
  })

  it('defaults now to the current time', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true)
    expect(isValidResidentId(withCheck('44070429991231001'))).toBe(false)
  })

  it('rejects invalid province codes', () => {
    for (const p of ['00', '10', '16', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66', '70', '72', '80', '84', '91', '99']) {
      expect(isValidResidentId(withCheck(`${p}070419900101123`), NOW)).toBe(false)
    }
  })

  it('accepts every valid province code', () => {
    const codes = [
      11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
      63, 64, 65, 71, 81, 82, 83,
    ]
    for (const p of codes) {
      expect(isValidResidentId(withCheck(`${p}070419900101123`), NOW)).toBe(true)
    }
  })
})

describe('normalizeResidentId', () => {
  it('trims and upper-cases', () => {
    expect(normalizeResidentId(' 11010519491231002x ')).toBe('11010519491231002X')
    expect(normalizeResidentId('440704199001011235')).toBe('440704199001011235')
  })
})

// Independent re-implementation for cross-checking (GB 32100-2015, MOD 31).
function referenceUsccCheck(body: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body.charAt(i)) * 3 ** i % 31
  return alphabet.charAt((31 - (sum % 31)) % 31)
}

describe('usccCheckChar (GB 32100-2015)', () => {
  it('computes R for 91110000100000000', () => {
    // By hand: values 9 1 1 1 0 0 0 0 1 0 0 0 0 0 0 0 0; the non-zero terms are
    // 9×1 + 1×3 + 1×9 + 1×27 + 1×20 = 68; 68 mod 31 = 6; 31 − 6 = 25; alphabet[25] = 'R'.
    expect(usccCheckChar('91110000100000000')).toBe('R')
  })

  it('computes 3 for the published example 91350100M000100Y43', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
    expect(referenceUsccCheck('91350100M000100Y4')).toBe('3')
  })

  it('agrees with the reference (weights are 3^i mod 31)', () => {
    for (const body of ['91440704MA4UXXXX0', '91440700MA52ABCD1', '12440700007000000', 'Y1440704000000000', '52440704MJL0000PQ']) {
      expect(usccCheckChar(body)).toBe(referenceUsccCheck(body))
    }
  })

  it('maps a sum that is a multiple of 31 to 0', () => {
    // value(K) = 19, weight of position 1 = 1; then 31 − 19 = 12 → 'C'. A body of zeros sums to 0 → '0'.
    expect(usccCheckChar('00000000000000000')).toBe('0')
    expect(usccCheckChar('K0000000000000000')).toBe('C')
  })

  it.each(['', '9111000010000000', '911100001000000000', '91A10000100000000', '9111000010000000I', 'g1110000100000000'])(
    'refuses body %j',
    (body) => {
      expectValidationError(() => usccCheckChar(body))
    },
  )
})

describe('isValidUscc', () => {
  it('accepts valid codes', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true)
    expect(isValidUscc('91110000100000000R')).toBe(true)
    expect(isValidUscc('91440704MA4UXXXX03')).toBe(true)
  })

  it('rejects a wrong check character', () => {
    expect(isValidUscc('91110000100000000F')).toBe(false)
    expect(isValidUscc('91350100M000100Y44')).toBe(false)
    expect(isValidUscc('91350100M000100Y4Y')).toBe(false)
  })

  it('rejects a one-character change in the body', () => {
    expect(isValidUscc('91350100M000101Y43')).toBe(false)
    expect(isValidUscc('92350100M000100Y43')).toBe(false)
  })

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the letter %s anywhere', (letter) => {
    expect(isValidUscc(`91350100${letter}000100Y43`)).toBe(false)
    expect(isValidUscc(`${letter}1350100M000100Y43`)).toBe(false)
    expect(isValidUscc(`91350100M000100Y4${letter}`)).toBe(false)
  })

  it('requires digits at positions 3–8 (administrative division code)', () => {
    // correct check character for the body, so only the digit rule can reject it
    const body = '91A50100M000100Y4'
    expect(isValidUscc(body + referenceUsccCheck(body))).toBe(false)
  })

  it('accepts any alphabet character as registration authority and entity type', () => {
    for (const head of ['11', '51', '91', 'Y1', 'A1', '9Y', 'N2']) {
      const body = `${head}440704MA4UXXXX0`
      expect(isValidUscc(body + referenceUsccCheck(body))).toBe(true)
    }
  })

  it('rejects wrong lengths', () => {
    expect(isValidUscc('')).toBe(false)
    expect(isValidUscc('91350100M000100Y4')).toBe(false)
    expect(isValidUscc('91350100M000100Y433')).toBe(false)
  })

  it('accepts lowercase and surrounding spaces after normalisation', () => {
    expect(normalizeUscc(' 91350100m000100y43 ')).toBe('91350100M000100Y43')
    expect(isValidUscc('91350100m000100y43')).toBe(true)
    expect(isValidUscc(' 91350100M000100Y43 ')).toBe(true)
  })
})

describe('maskIdNumber', () => {
  it('keeps the first and last four', () => {
    expect(maskIdNumber('440704199001011234')).toBe('4407**********1234')
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X')
  })

  it('masks short input completely', () => {
    expect(maskIdNumber('12345678')).toBe('********')
    expect(maskIdNumber('123')).toBe('***')
    expect(maskIdNumber('')).toBe('')
  })

  it('masks a 9-character input to one star', () => {
    expect(maskIdNumber('123456789')).toBe('1234*6789')
  })
})

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '*'],
    ['王小明', '王**'],
    ['买买提·艾力', '买*****'],
    ['Alice', 'A****'],
    ['John Smith', 'J*********'],
    [' 张三 ', '张*'],
    ['𠮷野', '𠮷*'],
    ['', ''],
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })
})

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    [' 13812345678 ', '138****5678'],
    ['07503001234', '075****1234'],
    ['12345678', '123*5678'],
    ['1234567', '*******'],
    ['', ''],
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked)
  })
})

describe('isMainlandMobile', () => {
  it.each(['13812345678', '19912345678', '15000000000', '17712345678'])('accepts %s', (p) => {
    expect(isMainlandMobile(p)).toBe(true)
  })

  it.each(['12812345678', '10012345678', '1381234567', '138123456789', '23812345678', '+8613812345678', '1381234567a', ' 13812345678', ''])(
    'rejects %j',
    (p) => {
      expect(isMainlandMobile(p)).toBe(false)
    },
  )
})
