import { idParamsSchema } from '#shared/schemas/common'
import { getProduct } from '~~/server/services/catalogue'
import { definePublicApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'listing',
  params: idParamsSchema,
  answer: async ({ params: { id } }) => getProduct(await useDb(), id, new Date()),
})
