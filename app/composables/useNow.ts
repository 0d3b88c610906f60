import type { Ref } from 'vue'

/**
 * The current time, ticking in the browser only. It is null while rendering on the server and during
 * hydration, so server and browser render the same markup; countdowns appear once the page is live.
 */
export function useNow(intervalMs = 1000): Ref<Date | null> {
  const now = ref<Date | null>(null)
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    now.value = new Date()
    timer = setInterval(() => {
      now.value = new Date()
    }, intervalMs)
  })
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer)
  })
  return now
}
