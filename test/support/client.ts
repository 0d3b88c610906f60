import { inject } from 'vitest'
import type { ApiResponse } from './http'

// Each test file starts at a random point, then counts up: numbers never repeat within a file.
let next = Math.floor(Math.random() * 90_000_000)

/** A fresh mainland mobile number. */
export function uniquePhone(): string {
  next += 1
  return `139${String(next % 100_000_000).padStart(8, '0')}`
}

/**
 * A browser-like API client: keeps the session cookie and, like a browser on this site, sends an
 * Origin header with every write (so CSRF refusals can be tested by leaving it out).
 */
export class Client {
  cookie = ''
  readonly base = inject('baseUrl')

  async request<T = unknown>(method: string, path: string, options: { body?: unknown, headers?: Record<string, string>, origin?: string | null } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers }
    if (this.cookie) headers.cookie = this.cookie
    if (options.body !== undefined && typeof options.body !== 'string') headers['content-type'] = 'application/json'
    if (method !== 'GET' && options.origin !== null) headers.origin = options.origin ?? this.base
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
      redirect: 'manual',
    })
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';')
      const [name, value] = pair!.split('=')
      if (name === 'auth_session') this.cookie = value ? `auth_session=${value}` : ''
    }
    const type = res.headers.get('content-type') ?? ''
    const body = res.status === 204 ? null : type.includes('json') ? await res.json() : await res.text()
    return { status: res.status, headers: res.headers, body: body as T }
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path)
  }

  post<T = unknown>(path: string, body?: unknown, options: { headers?: Record<string, string>, origin?: string | null } = {}) {
    return this.request<T>('POST', path, { body: body ?? {}, ...options })
  }

  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, { body: body ?? {} })
  }

  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, { body: body ?? {} })
  }

  async register(role: 'resident' | 'merchant', phone = uniquePhone(), password = 'correct horse battery') {
    const res = await this.post<{ user: { id: string, role: string } }>('/api/v1/auth/register', { phone, password, role })
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`)
    return { ...res.body.user, phone, password }
  }

  async login(phone: string, password: string) {
    const res = await this.post<{ user: { id: string, role: string } }>('/api/v1/auth/login', { phone, password })
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.user
  }
}

/** The administrator the test server was started with (BOOTSTRAP_ADMIN_*), signed in. */
export async function adminClient(): Promise<Client> {
  const client = new Client()
  await client.login(BOOTSTRAP_ADMIN.phone, BOOTSTRAP_ADMIN.password)
  return client
}

/** A reviewer made by the administrator through the API, signed in. */
export async function reviewerClient(): Promise<Client> {
  const admin = await adminClient()
  const phone = uniquePhone()
  const password = 'reviewer password 1'
  const res = await admin.post('/api/v1/admin/staff', { phone, password, role: 'reviewer' })
  if (res.status !== 201) throw new Error(`staff create failed: ${res.status} ${JSON.stringify(res.body)}`)
  const client = new Client()
  await client.login(phone, password)
  return client
}

export const BOOTSTRAP_ADMIN = { phone: '13700000000', password: 'bootstrap admin password' }
