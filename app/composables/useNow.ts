import type { Ref } from 'vue'

/**
 * The current time. While rendering on the server and while hydrating it is the moment the page was rendered
 * (carried in the payload), so both draw the same markup and a countdown is on the page from the first paint
 * without moving anything when the page comes alive; in the browser it then ticks.
 */
export function useNow(intervalMs = 1000): Ref<Date | null> {
  const renderedAt = useState<number>('rendered-at', () => Date.now())
  // A page opened in the browser (not hydrated from the server's HTML) starts from the real time.
  const start = import.meta.client && !useNuxtApp().isHydrating ? Date.now() : renderedAt.value
  const now = ref<Date | null>(new Date(start))
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
