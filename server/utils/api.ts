import { defineEventHandler, getQuery, getRouterParams, readBody, setResponseHeader, type EventHandler, type EventHandlerRequest, type H3Event } from 'h3'
import type { z } from 'zod'
import { invalidatePublicCache, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, publicCache, sendLookup } from '~~/server/cache/public-cache'
import { registerPublicRead } from '~~/server/cache/public-reads'
import { CACHE_POLICIES, type CachePolicyName, type Lookup } from '~~/server/cache/response-cache'
import { apiError, toHttpError, zodIssues } from './errors'

export interface ApiHandlerOptions {
  /**
   * The route changes what the public sees (events, catalogue, merchants, promotions): once it succeeds,
   * every process drops its cached public answers and pages.
   */
  changesPublicData?: boolean
}

/**
 * defineEventHandler with the contract's error mapping: DomainError codes, zod issues and unexpected
 * failures all leave as `{ statusCode, message, data: { code, issues? } }`.
 */
export function defineApiHandler<T>(handler: (event: H3Event<EventHandlerRequest>) => Promise<T> | T, options: ApiHandlerOptions = {}) {
  return defineEventHandler(async (event) => {
    // Answers of these routes may be someone's own (a session, a qualification, a shop's sales): never stored.
    setResponseHeader(event, 'cache-control', PRIVATE_CACHE_CONTROL)
    try {
      const result = await handler(event)
      if (options.changesPublicData) await invalidatePublicCache()
      return result
    }
    catch (error) {
      throw toHttpError(error)
    }
  })
}

/** A stable text form of validated input: the same request always gives the same key, whatever its order. */
export function stableKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined'
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableKey(v)}`).join(',')}}`
}

type EmptySchema = z.ZodObject<Record<string, never>>

export interface PublicApiOptions<P extends z.ZodType, Q extends z.ZodType, T> {
  policy: CachePolicyName
  /** The path parameters, validated (400 on a bad one). */
  params?: P
  /**
   * The query string, validated strictly: a parameter the route does not take is refused (400) before any
   * cache. Without a schema the query string is ignored. The cache key is made of these values and the
   * route, never of the raw URL.
   */
  query?: Q
  answer: (input: { params: z.infer<P>, query: z.infer<Q> }) => Promise<T>
}

/**
 * A public, read-only route whose JSON answer is cached for everyone (see server/cache). The handler never
 * reads the session, so nothing personal can be stored; the answer is made once per key and version.
 * Pages rendered on this server read the same answers in-process (server/cache/public-reads.ts).
 */
export function definePublicApiHandler<P extends z.ZodType = EmptySchema, Q extends z.ZodType = EmptySchema, T = unknown>(options: PublicApiOptions<P, Q, T>): EventHandler<EventHandlerRequest, Promise<T>> {
  const policy = CACHE_POLICIES[options.policy]
  async function read(rawParams: Record<string, string>, rawQuery: Record<string, unknown>, route: string): Promise<Lookup> {
    const params = options.params ? parseOrThrow(options.params, rawParams, 'Invalid path') : {}
    const query = options.query ? parseOrThrow(options.query, rawQuery, 'Invalid query string') : {}
    return publicCache().lookup(`api:${route}:${stableKey({ params, query })}`, policy, async () => ({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: Buffer.from(JSON.stringify(await options.answer({ params, query } as { params: z.infer<P>, query: z.infer<Q> }))),
      cacheable: true,
    }))
  }
  return defineEventHandler(async (event) => {
    try {
      const route = (event.context.matchedRoute as { path?: string } | undefined)?.path ?? event.path.split('?')[0]!
      registerPublicRead(route, read)
      sendLookup(event, await read(getRouterParams(event, { decode: true }), getQuery(event), route), { 'cache-control': PUBLIC_CACHE_CONTROL })
      // Sent already; the type is the answer's, for the routes' inferred types.
      return undefined as T
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
