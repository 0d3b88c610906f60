import { idParamsSchema } from '#shared/schemas/common'
import { getPublicMerchant } from '~~/server/services/merchants'
import { definePublicApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'listing',
  params: idParamsSchema,
  answer: async ({ params: { id } }) => getPublicMerchant(await useDb(), id, new Date()),
})
