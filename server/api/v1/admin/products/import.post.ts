import { getRequestHeader, readRawBody } from 'h3'
import { CATALOGUE_MAX_BYTES } from '#shared/domain/catalogue-csv'
import { DomainError } from '#shared/domain/errors'
import { importCatalogue } from '~~/server/services/catalogue-admin'
import { defineApiHandler } from '~~/server/utils/api'
import { useDb } from '~~/server/utils/db'
import { requireAdmin } from '~~/server/utils/guards'

function fileProblem(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { issues: [{ row: 0, path: 'file', message }] })
}

/** The catalogue file as the body, `text/csv`, UTF-8 (API.md "Bureau"). */
export default defineApiHandler(async (event) => {
  const actor = await requireAdmin(event)
  const type = (getRequestHeader(event, 'content-type') ?? '').toLowerCase()
  if (!type.startsWith('text/csv') && !type.startsWith('text/plain')) throw fileProblem('Send the file as text/csv')
  const charset = /charset=([^;\s]+)/.exec(type)?.[1]
  if (charset && !/^"?utf-?8"?$/.test(charset)) throw fileProblem('The file must be UTF-8: in Excel, save as "CSV UTF-8"')
  const declared = Number(getRequestHeader(event, 'content-length') ?? 0)
  const tooLarge = `The file is larger than ${CATALOGUE_MAX_BYTES / 1024 / 1024} MB: split it`
  if (declared > CATALOGUE_MAX_BYTES) throw fileProblem(tooLarge)
  const raw = await readRawBody(event, false)
  if (!raw || raw.length === 0) throw fileProblem('The file is empty')
  if (raw.length > CATALOGUE_MAX_BYTES) throw fileProblem(tooLarge)
  let text: string
  try {
    // Excel in China often saves GBK: refuse it rather than import mojibake brand names.
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw)
  }
  catch {
    throw fileProblem('The file is not UTF-8: in Excel, save as "CSV UTF-8"')
  }
  return importCatalogue(await useDb(), actor, text, new Date())
}, { changesPublicData: true })
