import { usccCheckChar } from '#shared/domain/identity'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** A valid, fresh unified social credit code (GB 32100) registered in 江海区 (440704). */
export function freshUscc(): string {
  let body = '91440704'
  for (let i = 0; i < 9; i++) body += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return body + usccCheckChar(body)
}

export function merchantProfile(overrides: Record<string, unknown> = {}) {
  return {
    name: `江海测试电器行${Math.floor(Math.random() * 1e6)}`,
    uscc: freshUscc(),
    legalRep: '李国强',
    contactPhone: '13912345678',
    storePhone: '0750-3123456',
    address: '江门市江海区外海街道金溪路 8 号',
    street: 'waihai',
    categories: ['fridge', 'tv'],
    openingHours: '09:00-21:00',
    lat: 22.566,
    lng: 113.149,
    ...overrides,
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** A fresh resident ID number with a correct GB 11643 check digit (江海区, born 1950–1999). */
export function freshResidentId(): string {
  const year = 1950 + Math.floor(Math.random() * 50)
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0')
  const body = `440704${year}${month}${day}${seq}`
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i]!, 0)
  return body + '10X98765432'[sum % 11]
}
