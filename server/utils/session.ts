import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle'
import { eq, sql } from 'drizzle-orm'
import { getCookie, setCookie, type H3Event } from 'h3'
import { Lucia, TimeSpan, type Cookie, type DatabaseSession, type DatabaseUser, type Session, type User } from 'lucia'
import type { Database } from '~~/server/db/client'
import { sessions, users } from '~~/server/db/schema'
import { useDb } from '~~/server/utils/db'
import type { Role } from '#shared/domain/roles'

/**
 * lucia's Drizzle adapter, with the read every signed-in request makes (session and user by session id)
 * as a prepared statement: parsed and planned once per connection instead of on every request. The rows
 * are handed to lucia as the adapter itself does.
 */
class PreparedSessionAdapter extends DrizzlePostgreSQLAdapter {
  private readonly sessionAndUser

  constructor(db: Database) {
    super(db, sessions, users)
    this.sessionAndUser = db.select({ user: users, session: sessions }).from(sessions)
      .innerJoin(users, eq(sessions.userId, users.id))
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare('lucia_session_and_user')
  }

  override async getSessionAndUser(sessionId: string): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    const rows = await this.sessionAndUser.execute({ id: sessionId })
    if (rows.length !== 1) return [null, null]
    const { session: { id, userId, expiresAt, ...sessionAttributes }, user: { id: uid, ...userAttributes } } = rows[0]!
    return [{ id, userId, expiresAt, attributes: sessionAttributes }, { id: uid, attributes: userAttributes }]
  }
}

/**
 * The only place that knows sessions are lucia's: everything else asks for `sessionOf(event)`,
 * `startSession(event, userId)` and `endSession(event)`.
 */
function createLucia(db: Database) {
  return new Lucia(new PreparedSessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(7, 'd'),
    sessionCookie: {
      name: SESSION_COOKIE,
      attributes: {
        // HttpOnly is lucia's default; Secure wherever the site is served over HTTPS.
        secure: secureCookies(),
        sameSite: 'lax',
        path: '/',
      },
    },
    getUserAttributes: attributes => ({ phone: attributes.phone, role: attributes.role }),
  })
}

declare module 'lucia' {
  interface Register {
    Lucia: ReturnType<typeof createLucia>
    DatabaseUserAttributes: { phone: string, role: Role }
  }
}

export const SESSION_COOKIE = 'auth_session'
/**
 * Not a secret and not a credential: tells the browser that it holds a session, so that a public page
 * served from the shared cache (rendered for nobody) asks who is signed in only when someone may be.
 */
export const SESSION_HINT_COOKIE = 'signed_in'

/** Secure cookies in production; COOKIE_SECURE=0 allows plain-HTTP test servers on localhost. */
export function secureCookies(): boolean {
  const setting = process.env.COOKIE_SECURE?.trim()
  if (setting === '0' || setting === 'false') return false
  if (setting === '1' || setting === 'true') return true
  return process.env.NODE_ENV === 'production'
}

let lucia: ReturnType<typeof createLucia> | undefined

async function useLucia() {
  lucia ??= createLucia(await useDb())
  return lucia
}

export type SessionUser = User
export interface CurrentSession { session: Session, user: User }

/** The caller's valid session, refreshed when lucia says so; null when there is none. Memoized per request. */
export async function sessionOf(event: H3Event): Promise<CurrentSession | null> {
  if (event.context.session !== undefined) return event.context.session as CurrentSession | null
  const auth = await useLucia()
  const id = getCookie(event, SESSION_COOKIE)
  let current: CurrentSession | null = null
  if (id) {
    const { session, user } = await auth.validateSession(id)
    if (session && user) {
      current = { session, user }
      if (session.fresh) writeCookie(event, auth.createSessionCookie(session.id))
    }
    else {
      writeCookie(event, auth.createBlankSessionCookie())
    }
  }
  event.context.session = current
  return current
}

/** A new session on every login (no fixation): any session the browser brought is ended first. */
export async function startSession(event: H3Event, userId: string): Promise<Session> {
  const auth = await useLucia()
  const previous = getCookie(event, SESSION_COOKIE)
  if (previous) await auth.invalidateSession(previous)
  const session = await auth.createSession(userId, {})
  writeCookie(event, auth.createSessionCookie(session.id))
  event.context.session = undefined
  return session
}

export async function endSession(event: H3Event): Promise<void> {
  const auth = await useLucia()
  const id = getCookie(event, SESSION_COOKIE)
  if (id) await auth.invalidateSession(id)
  writeCookie(event, auth.createBlankSessionCookie())
  event.context.session = null
}

/** Ends every session of a user (e.g. after a role change). */
export async function endAllSessions(userId: string): Promise<void> {
  await (await useLucia()).invalidateUserSessions(userId)
}

function writeCookie(event: H3Event, cookie: Cookie) {
  setCookie(event, cookie.name, cookie.value, cookie.attributes)
  const { httpOnly: _, ...attributes } = cookie.attributes
  setCookie(event, SESSION_HINT_COOKIE, cookie.value ? '1' : '', { ...attributes, httpOnly: false })
}

export function hasSessionCookie(event: H3Event): boolean {
  return Boolean(getCookie(event, SESSION_COOKIE))
}
