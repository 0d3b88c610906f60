import { merchantProfileSchema } from '#shared/schemas/merchants'
import { saveOwnProfile } from '~~/server/services/merchant-profiles'
import { defineApiHandler, validBody } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireMerchantAccount } from '~~/server/utils/guards'

export default defineApiHandler(async (event) => {
  const caller = await requireMerchantAccount(event)
  const input = await validBody(event, merchantProfileSchema)
  return saveOwnProfile(await useDb(), caller, input, new Date())
}, { changesPublicData: true })
