import { getOwnProfile } from '~~/server/services/merchant-profiles'
import { defineApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchantAccount } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireMerchantAccount(event)
  return getOwnProfile(await useDb(), caller)
})
