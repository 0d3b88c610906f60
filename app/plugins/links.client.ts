import { isAppNavigation } from '~/utils/links'

/**
 * The app's links are plain `<a href>` elements (no link component): a page renders each for the price of
 * its markup, a part of a page that is never hydrated still navigates inside the app, and nothing fetches the
 * code of pages a visitor may never open. One listener on the document turns a plain left click on a link to
 * one of this app's pages into a navigation by the router; every other click (a new tab, a download, another
 * site, a file the server sends) is left to the browser.
 */
export default defineNuxtPlugin({
  name: 'links',
  dependsOn: ['nuxt:router'],
  setup() {
    const router = useRouter()
    document.addEventListener('click', (event) => {
      const target = isAppNavigation(event, location)
      if (target === undefined || router.resolve(target).matched.length === 0) return
      event.preventDefault()
      void navigateTo(target)
    })
  },
})
