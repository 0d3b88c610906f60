import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/domain/errors'
import { fenToYuanString, formatYuan, parseYuanToFen } from '../../../shared/domain/money'

describe('formatYuan', () => {
  it.each([
    [123456, '¥1,234.56'],
    [0, '¥0.00'],
    [1, '¥0.01'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [80000, '¥800.00'],
    [200000, '¥2,000.00'],
    [2000000, '¥20,000.00'],
    [123456789, '¥1,234,567.89'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text)
  })

  it('puts the minus sign before the symbol', () => {
    expect(formatYuan(-123456)).toBe('-¥1,234.56')
    expect(formatYuan(-5)).toBe('-¥0.05')
  })

  it('omits the symbol on request', () => {
    expect(formatYuan(123456, { symbol: false })).toBe('1,234.56')
    expect(formatYuan(-100, { symbol: false })).toBe('-1.00')
    expect(formatYuan(100, { symbol: true })).toBe('¥1.00')
  })

  it('handles the largest safe integer without losing digits', () => {
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91')
  })

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses non-integer fen %s', (fen) => {
    expect(() => formatYuan(fen)).toThrow(DomainError)
    expect(() => formatYuan(fen)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
  })
})

describe('fenToYuanString', () => {
  it.each([
    [123450, '1234.50'],
    [123456789, '1234567.89'],
    [0, '0.00'],
    [7, '0.07'],
    [1000, '10.00'],
    [-250, '-2.50'],
  ])('%i fen → %s', (fen, text) => {
    expect(fenToYuanString(fen)).toBe(text)
  })

  it('refuses a fractional amount', () => {
    expect(() => fenToYuanString(0.5)).toThrow(DomainError)
  })

  it('round-trips with parseYuanToFen', () => {
    for (const fen of [0, 1, 10, 99, 100, 123450, 600001, 999999999]) {
      expect(parseYuanToFen(fenToYuanString(fen))).toBe(fen)
    }
  })
})

describe('parseYuanToFen', () => {
  it.each([
    ['1234.5', 123450],
    ['1234.56', 123456],
    ['1234', 123400],
    ['¥1,234.56', 123456],
    ['￥1,234.56', 123456],
    ['1,234,567.89', 123456789],
    ['0', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['.5', 50],
    ['5.', 500],
    ['007', 700],
    ['  4000  ', 400000],
    ['¥ 4000', 400000],
    ['4000元', 400000],
    ['１２３４．５', 123450],
    // 0.29 * 100 is 28.999999999999996 in floating point; string parsing must not fall for it
    ['0.29', 29],
    ['1.15', 115],
    ['4.35', 435],
  ])('%j → %i fen', (input, fen) => {
    expect(parseYuanToFen(input)).toBe(fen)
  })

  it.each([
    ['12.345'],
    [''],
    ['   '],
    ['abc'],
    ['-1'],
    ['-0.01'],
    ['+1'],
    ['.'],
    ['1.2.3'],
    ['1,23'],
    ['12,34.5'],
    [',123'],
    ['1 234'],
    ['1e3'],
    ['0x10'],
    ['Infinity'],
    ['NaN'],
    ['¥'],
    ['12abc'],
    ['99999999999999999'],
  ])('%j → null', (input) => {
    expect(parseYuanToFen(input)).toBeNull()
  })
})
