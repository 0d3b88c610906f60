import { inject } from 'vitest'

export interface ApiResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
}

/** A request to the portal under test; the body is parsed as JSON when it is JSON. */
export async function api<T = unknown>(path: string, init: RequestInit = {}): Promise<ApiResponse<T>> {
  const res = await fetch(`${inject('baseUrl')}${path}`, init)
  const type = res.headers.get('content-type') ?? ''
  const body = type.includes('json') ? await res.json() : await res.text()
  return { status: res.status, headers: res.headers, body: body as T }
}

export interface ErrorBody {
  statusCode: number
  message: string
  data: { code: string, issues?: Array<{ path: string, message: string }> }
}
