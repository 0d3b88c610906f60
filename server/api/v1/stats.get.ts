import { publicStats } from '~~/server/services/stats'
import { defineApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'

export default defineApiHandler(async () => publicStats(await useDb(), new Date()))
