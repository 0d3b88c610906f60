import { useConsoleError, type ApiFailure, type ApiIssue } from '~/composables/useConsoleError'
import { useSession } from '~/composables/useSession'

export type ApiActionResult<T> = { ok: true, data: T } | { ok: false, failure: ApiFailure }

/**
 * One state-changing request of a console form (POST / PUT with the session cookie; the browser adds this
 * site's Origin, which the server's CSRF check wants): pending while it runs, then either the answer or a
 * message in plain words plus the server's field `issues`. A 401 means the session is gone: the page is told
 * so, and the header stops showing the account as signed in.
 */
export function useApiAction() {
  const { failureOf, messageFor } = useConsoleError()
  const session = useSession()

  const pending = ref(false)
  const message = ref<string | null>(null)
  const failure = ref<ApiFailure | null>(null)
  const issues = computed<ApiIssue[]>(() => failure.value?.issues ?? [])
  const signedOut = computed(() => failure.value?.status === 401)

  function reset(): void {
    message.value = null
    failure.value = null
  }

  async function run<T>(request: () => Promise<T>): Promise<ApiActionResult<T>> {
    if (pending.value) return { ok: false, failure: { issues: [] } }
    pending.value = true
    reset()
    try {
      const data = await request()
      return { ok: true, data }
    }
    catch (error) {
      const f = failureOf(error)
      failure.value = f
      message.value = messageFor(error)
      if (f.status === 401) session.forget()
      return { ok: false, failure: f }
    }
    finally {
      pending.value = false
    }
  }

  return { run, pending, message, failure, issues, signedOut, reset }
}
