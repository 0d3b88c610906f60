import { DomainError } from './errors'

/**
 * Money is integer fen end to end (PRODUCT.md rule 1); these helpers are the only place where fen become
 * yuan text and back. No floating-point arithmetic on amounts: conversion is done on digit strings.
 */

export function assertFen(fen: number, field = 'fen'): void {
  if (!Number.isSafeInteger(fen)) {
    throw new DomainError('VALIDATION_FAILED', `${field} must be an integer number of fen`, { field, value: fen })
  }
}

function splitFen(fen: number): { negative: boolean, yuan: string, cents: string } {
  assertFen(fen)
  const negative = fen < 0
  const digits = String(Math.abs(fen)).padStart(3, '0')
  return { negative, yuan: digits.slice(0, -2), cents: digits.slice(-2) }
}

/** 123456 → "¥1,234.56"; -500 → "-¥5.00". Throws VALIDATION_FAILED for a non-integer amount (a bug upstream). */
export function formatYuan(fen: number, opts?: { symbol?: boolean }): string {
  const { negative, yuan, cents } = splitFen(fen)
  const grouped = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const symbol = opts?.symbol === false ? '' : '¥'
  return `${negative ? '-' : ''}${symbol}${grouped}.${cents}`
}

/** 123450 → "1234.50": plain, no grouping, for input fields. */
export function fenToYuanString(fen: number): string {
  const { negative, yuan, cents } = splitFen(fen)
  return `${negative ? '-' : ''}${yuan}.${cents}`
}

// Either plain digits or correctly grouped thousands, then up to two decimals; ".5" and "5." are allowed.
const YUAN_PATTERN = /^(?:(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{0,2}))?|\.(\d{1,2}))$/

/**
 * Parses what a person types as a yuan amount into fen. Accepts an optional ¥/￥ prefix, a trailing 元,
 * thousands separators and full-width digits (Chinese IMEs); refuses negatives, more than two decimals
 * and anything else by returning null.
 */
export function parseYuanToFen(input: string): number | null {
  let s = input
    .trim()
    .replace(/[\uFF10-\uFF19]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E/g, '.')
    .replace(/\uFF0C/g, ',')
  s = s.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '')
  const m = YUAN_PATTERN.exec(s)
  if (!m) return null
  const whole = (m[1] ?? '0').replace(/,/g, '')
  const decimals = (m[2] ?? m[3] ?? '').padEnd(2, '0')
  const fen = Number(whole + decimals)
  return Number.isSafeInteger(fen) ? fen : null
}
