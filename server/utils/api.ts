import { defineEventHandler, getQuery, getRouterParams, readBody, type EventHandlerRequest, type H3Event } from 'h3'
import type { z } from 'zod'
import { apiError, toHttpError, zodIssues } from './errors'

/**
 * defineEventHandler with the contract's error mapping: DomainError codes, zod issues and unexpected
 * failures all leave as `{ statusCode, message, data: { code, issues? } }`.
 */
export function defineApiHandler<T>(handler: (event: H3Event<EventHandlerRequest>) => Promise<T> | T) {
  return defineEventHandler(async (event) => {
    try {
      return await handler(event)
    }
    catch (error) {
      throw toHttpError(error)
    }
  })
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, message: string): z.infer<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw apiError('VALIDATION_FAILED', message, { issues: zodIssues(result.error) })
  return result.data
}

export function validQuery<S extends z.ZodType>(event: H3Event, schema: S): z.infer<S> {
  return parseOrThrow(schema, getQuery(event), 'Invalid query string')
}

export function validParams<S extends z.ZodType>(event: H3Event, schema: S): z.infer<S> {
  return parseOrThrow(schema, getRouterParams(event, { decode: true }), 'Invalid path')
}

export async function validBody<S extends z.ZodType>(event: H3Event, schema: S): Promise<z.infer<S>> {
  let body: unknown
  try {
    body = await readBody(event)
  }
  catch {
    throw apiError('VALIDATION_FAILED', 'The request body is not valid JSON', { issues: [{ path: '', message: 'Invalid JSON' }] })
  }
  return parseOrThrow(schema, body ?? {}, 'Invalid request body')
}
