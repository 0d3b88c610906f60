import { idParamsSchema } from '#shared/schemas/common'
import { getPublicMerchant } from '~~/server/services/merchants'
import { definePublicApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'listing',
  input: event => validParams(event, idParamsSchema),
  answer: async ({ id }) => getPublicMerchant(await useDb(), id, new Date()),
})
