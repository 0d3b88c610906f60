import { usccCheckChar } from '#shared/domain/identity'
import { Client, reviewerClient, uniquePhone } from './client'

// GB 32100 alphabet without I, O, Z, S, V.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** A valid unified social credit code of a Jianghai (440704) company that no other test uses. */
export function uniqueUscc(): string {
  let org = ''
  for (let i = 0; i < 9; i++) org += ALPHABET.charAt(Math.floor(Math.random() * ALPHABET.length))
  const body = `91440704${org}`
  return body + usccCheckChar(body)
}

export function merchantProfile(categories: readonly string[]) {
  return {
    name: `测试电器行${uniqueUscc().slice(8, 14)}`,
    uscc: uniqueUscc(),
    legalRep: '陈测试',
    contactPhone: uniquePhone(),
    storePhone: '0750-3123456',
    address: '江门市江海区外海街道金溪路 1 号',
    street: 'waihai',
    categories: [...categories],
    openingHours: '09:00-21:00',
  }
}

export type MerchantStage = 'profile' | 'submitted' | 'approved'

let reviewer: Promise<Client> | undefined

/** One reviewer per test file, made through the API on first use. */
export function sharedReviewer(): Promise<Client> {
  reviewer ??= reviewerClient()
  return reviewer
}

async function expectStatus(res: { status: number, body: unknown }, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`)
}

/**
 * A merchant account signed in, with its profile taken to `stage` through the public API: saved, submitted
 * for review, or approved by a reviewer.
 */
export async function merchantClient(stage: MerchantStage, categories: readonly string[] = ['fridge', 'tv']): Promise<{ client: Client, merchantId: string }> {
  const client = new Client()
  await client.register('merchant')
  const saved = await client.put<{ id: string }>('/api/v1/merchant/profile', merchantProfile(categories))
  await expectStatus(saved, 200, 'PUT /api/v1/merchant/profile')
  const merchantId = saved.body.id
  if (stage === 'profile') return { client, merchantId }
  await expectStatus(await client.post('/api/v1/merchant/profile/submit'), 200, 'POST /api/v1/merchant/profile/submit')
  if (stage === 'submitted') return { client, merchantId }
  const decided = await (await sharedReviewer()).post(`/api/v1/admin/merchants/${merchantId}/decision`, { action: 'approve' })
  await expectStatus(decided, 200, 'approving the merchant')
  return { client, merchantId }
}

/** A signed-in merchant account whose profile a reviewer has approved. */
export function approvedMerchantClient(categories: readonly string[] = ['fridge', 'tv']) {
  return merchantClient('approved', categories)
}
