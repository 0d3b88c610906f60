import { defineStore } from 'pinia'

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365

/**
 * Client-side preferences that must also be known while rendering on the server (no flash of the wrong
 * size): 长辈模式 lives in the `elder` cookie ('1' / '0'), which the server reads on every request.
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const elderCookie = useCookie<'1' | '0'>('elder', {
    default: () => '0',
    maxAge: ONE_YEAR_SECONDS,
    sameSite: 'lax',
    path: '/',
    // Plain '1' / '0' on the wire (useCookie would otherwise JSON-encode it as "%221%22").
    encode: value => value,
    decode: value => (value === '1' ? '1' : '0'),
  })

  const elder = computed<boolean>({
    get: () => elderCookie.value === '1',
    set: (on) => {
      elderCookie.value = on ? '1' : '0'
    },
  })

  function toggleElder(): void {
    elder.value = !elder.value
  }

  return { elder, toggleElder }
})
