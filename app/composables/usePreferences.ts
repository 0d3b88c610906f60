const ELDER_COOKIE = 'elder'
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365
const ELDER_ON = /(?:^|;\s*)elder=1(?:;|$)/

/**
 * 长辈模式, kept in the `elder` cookie ('1' / '0') so that the server renders the page large from the first
 * paint (a cached page has one version per setting). Read from the request on the server and from
 * `document.cookie` in the browser; written only when the visitor switches it.
 */
export function usePreferences() {
  const elder = useState<boolean>('preferences-elder', () => ELDER_ON.test(import.meta.server ? useRequestHeaders(['cookie']).cookie ?? '' : document.cookie))

  function setElder(on: boolean): void {
    elder.value = on
    document.cookie = `${ELDER_COOKIE}=${on ? '1' : '0'}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`
  }

  return { elder: readonly(elder), setElder, toggleElder: () => setElder(!elder.value) }
}
