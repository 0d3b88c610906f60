import { describe, expect, it } from 'vitest'
import { identityHash } from '#shared/domain/identity-hash'

const KEY = 'a-test-key-of-sufficient-length-0001'

describe('identity hash (keyed, PRODUCT.md rule 10)', () => {
  it('is a stable 64-hex-digit HMAC-SHA-256 of the normalised number', async () => {
    const a = await identityHash(KEY, '11010519491231002X')
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(await identityHash(KEY, '11010519491231002X')).toBe(a)
    // Lower-case x and surrounding spaces are the same person.
    expect(await identityHash(KEY, ' 11010519491231002x ')).toBe(a)
  })

  it('matches an independent HMAC-SHA-256 computation', async () => {
    const { createHmac } = await import('node:crypto')
    expect(await identityHash(KEY, '440704195503124522')).toBe(createHmac('sha256', KEY).update('440704195503124522').digest('hex'))
  })

  it('differs by key: without the key the hash cannot be recomputed from the number', async () => {
    const a = await identityHash(KEY, '440704195503124522')
    const b = await identityHash(`${KEY}-other`, '440704195503124522')
    expect(a).not.toBe(b)
  })

  it('differs by person and never contains the number', async () => {
    const a = await identityHash(KEY, '440704195503124522')
    const b = await identityHash(KEY, '11010519491231002X')
    expect(a).not.toBe(b)
    expect(a).not.toContain('440704')
  })

  it('refuses a key too short to be a secret', async () => {
    await expect(identityHash('short', '440704195503124522')).rejects.toThrow(/too short/)
  })
})
