import { listCategories } from '~~/server/services/catalogue'
import { definePublicApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'fixed',
  answer: async () => ({ items: await listCategories(await useDb()) }),
})
