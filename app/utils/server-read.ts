import type { H3Event } from 'h3'

/**
 * A public API answer while rendering on the server: in-process when this server has the route's reader
 * (server/cache/public-reads.ts), over the in-process fetch otherwise. Only for code that runs on the server.
 */
export async function serverRead<T>(event: H3Event | undefined, path: string, query: Record<string, string | number> = {}): Promise<T> {
  const read = await event?.context.readPublic?.(path, query)
  return (read ? read.value : await $fetch(path, { query })) as T
}
