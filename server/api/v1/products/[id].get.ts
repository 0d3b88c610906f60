import { idParamsSchema } from '#shared/schemas/common'
import { getProduct } from '~~/server/services/catalogue'
import { definePublicApiHandler, validParams } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'listing',
  input: event => validParams(event, idParamsSchema),
  answer: async ({ id }) => getProduct(await useDb(), id, new Date()),
})
