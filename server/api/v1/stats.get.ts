import { publicStats } from '~~/server/services/stats'
import { definePublicApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default definePublicApiHandler({
  policy: 'live',
  answer: async () => publicStats(await useDb(), new Date()),
})
