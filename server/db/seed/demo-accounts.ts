import { eq } from 'drizzle-orm'
import { maskIdNumber, maskName } from '#shared/domain/identity'
import { identityHash } from '#shared/domain/identity-hash'
import type { Executor } from '~~/server/db/client'
import { identities, merchants, users } from '~~/server/db/schema'
import { hashPassword } from '~~/server/utils/password'
import demo from './demo-accounts.json'
import type { Role } from '#shared/domain/roles'

export const DEMO_ACCOUNTS = demo.accounts as Array<{ role: Role, phone: string, password: string, note: string }>

/** The shop the demo merchant account owns. */
export const DEMO_MERCHANT_SHOP = '美的智慧家(外海店)'

/** A valid-format demo identity (GB 11643 check digit correct); only its hash and masks are stored. */
const DEMO_RESIDENT = { name: '陈桂英', idNumber: '440704195503124522' }

/** One account per role, with the demo merchant owning an approved shop and the resident verified. */
export async function seedDemoAccounts(db: Executor, identityKey: string, now: Date): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const [user] = await db.insert(users).values({ id: crypto.randomUUID(), phone: account.phone, passwordHash: await hashPassword(account.password), role: account.role })
      .onConflictDoNothing().returning()
    if (!user) continue
    if (account.role === 'merchant') {
      await db.update(merchants).set({ ownerUserId: user.id }).where(eq(merchants.name, DEMO_MERCHANT_SHOP))
    }
    if (account.role === 'resident') {
      await db.insert(identities).values({
        userId: user.id,
        idHash: await identityHash(identityKey, DEMO_RESIDENT.idNumber),
        idMasked: maskIdNumber(DEMO_RESIDENT.idNumber),
        nameMasked: maskName(DEMO_RESIDENT.name),
        consentVersion: 'demo',
        consentedAt: now,
        verifiedAt: now,
      }).onConflictDoNothing()
    }
  }
}
