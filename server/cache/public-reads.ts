import type { Lookup } from './response-cache'

type Reader = (params: Record<string, string>, query: Record<string, unknown>, route: string) => Promise<Lookup>

interface PublicRead {
  route: string
  pattern: RegExp
  names: string[]
  read: Reader
}

const reads = new Map<string, PublicRead>()

function compile(route: string): { pattern: RegExp, names: string[] } {
  const names: string[] = []
  const source = route.split('/').map((segment) => {
    if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    names.push(segment.slice(1))
    return '([^/]+)'
  }).join('/')
  return { pattern: new RegExp(`^${source}$`), names }
}

/** A public route makes itself readable in-process the first time it answers a request. */
export function registerPublicRead(route: string, read: Reader): void {
  if (reads.has(route)) return
  reads.set(route, { route, read, ...compile(route) })
}

/**
 * The answer of a public API route read in-process, without a request (a page being rendered on this
 * server reads its data this way): the same validation, cache and answer as over HTTP, minus the HTTP.
 * Undefined when that route has not answered a request in this process yet (the caller then asks over
 * HTTP, which registers it).
 */
export async function readPublic(path: string, query: Record<string, unknown> = {}): Promise<{ value: unknown } | undefined> {
  for (const entry of reads.values()) {
    const match = entry.pattern.exec(path)
    if (!match) continue
    const params = Object.fromEntries(entry.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]))
    const lookup = await entry.read(params, Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), entry.route)
    if (lookup.state === 'pass') return undefined
    return { value: JSON.parse(lookup.entry.body.toString('utf8')) }
  }
  return undefined
}
