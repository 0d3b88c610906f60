import { normalizeResidentId } from './identity'

/**
 * Keyed hash of a resident ID number (PRODUCT.md rule 10): HMAC-SHA-256 under a secret key, so the
 * database can tell that two accounts are one person without ever holding the number. Web Crypto, so the
 * same code runs in Node and browsers.
 */
export async function identityHash(key: string, idNumber: string): Promise<string> {
  return (await identityHasher(key))(idNumber)
}

/** The same hash for many numbers under one key: the key is imported once. */
export async function identityHasher(key: string): Promise<(idNumber: string) => Promise<string>> {
  if (key.length < 16) throw new Error('identity hash key is too short')
  const encoder = new TextEncoder()
  const hmacKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return async (idNumber) => {
    const signature = await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(normalizeResidentId(idNumber)))
    return Array.from(new Uint8Array(signature), b => b.toString(16).padStart(2, '0')).join('')
  }
}
