import { useSession } from '~/composables/useSession'

/** Ends the session and drops everything fetched with it, so the next person on this phone sees none of it. */
export function useSignOut() {
  const session = useSession()
  return async function signOut(): Promise<void> {
    try {
      await $fetch<unknown>('/api/v1/auth/logout', { method: 'POST' })
    }
    finally {
      session.forget()
      clearNuxtData()
    }
  }
}
