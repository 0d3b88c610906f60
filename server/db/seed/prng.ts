/**
 * Small deterministic helpers for seed data: a seeded PRNG (mulberry32), RFC 4122-shaped v4 UUIDs drawn
 * from it, and pickers. Nothing here reads the clock or Math.random, so the same seed always gives the
 * same data.
 */

/** Returns a float in [0, 1). */
export type Rng = () => number

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a 32-bit hash of a label, to give each data set its own PRNG stream. */
export function hashSeed(label: string): number {
  let h = 0x811C9DC5
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A PRNG stream named by a label. */
export function rngFor(label: string): Rng {
  return mulberry32(hashSeed(label))
}

const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function hex32(v: number): string {
  return (BYTE_HEX[(v >>> 24) & 0xFF] ?? '') + (BYTE_HEX[(v >>> 16) & 0xFF] ?? '') + (BYTE_HEX[(v >>> 8) & 0xFF] ?? '') + (BYTE_HEX[v & 0xFF] ?? '')
}

/** An RFC 4122 version-4-shaped UUID built from 128 bits of the PRNG. */
export function uuidFrom(r: Rng): string {
  const a = hex32(Math.floor(r() * 4294967296) >>> 0)
  const b = hex32(((Math.floor(r() * 4294967296) & 0xFFFF0FFF) | 0x00004000) >>> 0) // version nibble = 4
  const c = hex32(((Math.floor(r() * 4294967296) & 0x3FFFFFFF) | 0x80000000) >>> 0) // variant bits = 10
  const d = hex32(Math.floor(r() * 4294967296) >>> 0)
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`
}

/** Integer in [min, max], both inclusive. */
export function int(r: Rng, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1))
}

export function pick<T>(r: Rng, items: readonly T[]): T {
  const item = items[Math.floor(r() * items.length)]
  if (item === undefined) throw new Error('pick() from an empty list')
  return item
}

/** Picks a value with probability proportional to its weight. */
export function weighted<T>(r: Rng, entries: ReadonlyArray<readonly [T, number]>): T {
  let total = 0
  for (const [, w] of entries) total += w
  let x = r() * total
  for (const [value, w] of entries) {
    x -= w
    if (x < 0) return value
  }
  const last = entries[entries.length - 1]
  if (last === undefined) throw new Error('weighted() from an empty list')
  return last[0]
}

/** `n` decimal digits (leading zeros allowed). */
export function digits(r: Rng, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += String(Math.floor(r() * 10))
  return s
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
