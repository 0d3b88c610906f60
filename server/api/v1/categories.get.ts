import { listCategories } from '~~/server/services/catalogue'
import { defineApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default defineApiHandler(async () => ({ items: await listCategories(await useDb()) }))
