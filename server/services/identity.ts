import { eq } from 'drizzle-orm'
import { DomainError } from '#shared/domain/errors'
import { maskIdNumber, maskName } from '#shared/domain/identity'
import { identityHash } from '#shared/domain/identity-hash'
import type { IdentityInput } from '#shared/schemas/accounts'
import type { Executor } from '~~/server/db/client'
import { identities } from '~~/server/db/schema'
import { audit } from '~~/server/utils/audit'
import { isUniqueViolation } from '~~/server/utils/db-errors'
import type { Caller } from '~~/server/utils/guards'
import type { IdentityDto } from '#shared/types/accounts'

/** The version of the personal-information notice shown on the verification form. */
export const CONSENT_VERSION = '2026-11'

/**
 * Binds a real-name identity to a resident account. The full number is hashed with the secret key and
 * masked, then forgotten: it reaches no table, log or response. One identity, one account (409 IDENTITY_TAKEN).
 */
export async function verifyIdentity(db: Executor, caller: Caller, input: IdentityInput, key: string, now: Date): Promise<IdentityDto> {
  const idHash = await identityHash(key, input.idNumber)
  const masked = { nameMasked: maskName(input.name), idNumberMasked: maskIdNumber(input.idNumber) }
  const [existing] = await db.select().from(identities).where(eq(identities.userId, caller.userId)).limit(1)
  if (existing) {
    if (existing.idHash === idHash) return { nameMasked: existing.nameMasked, idNumberMasked: existing.idMasked }
    throw new DomainError('IDENTITY_TAKEN', 'This account is already verified with another identity')
  }
  try {
    await db.transaction(async (tx) => {
      await tx.insert(identities).values({
        userId: caller.userId,
        idHash,
        idMasked: masked.idNumberMasked,
        nameMasked: masked.nameMasked,
        consentVersion: input.consentVersion ?? CONSENT_VERSION,
        consentedAt: now,
        verifiedAt: now,
      })
      await audit(tx, { actor: caller, action: 'identity.verify', entityType: 'user', entityId: caller.userId, after: masked })
    })
  }
  catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('IDENTITY_TAKEN', 'This identity is already bound to another account')
    throw error
  }
  return masked
}

export async function identityOf(db: Executor, userId: string): Promise<IdentityDto | null> {
  const [row] = await db.select().from(identities).where(eq(identities.userId, userId)).limit(1)
  return row ? { nameMasked: row.nameMasked, idNumberMasked: row.idMasked } : null
}
