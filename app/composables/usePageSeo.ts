import type { MaybeRefOrGetter } from 'vue'

/** A public page's title and description, the same in link previews (Open Graph) as in search results. */
export function usePageSeo(page: { title: MaybeRefOrGetter<string>, description: MaybeRefOrGetter<string>, type?: 'website' | 'article' }): void {
  useSeoMeta({
    title: () => toValue(page.title),
    description: () => toValue(page.description),
    ogTitle: () => toValue(page.title),
    ogDescription: () => toValue(page.description),
    ogType: page.type ?? 'website',
    twitterCard: 'summary',
  })
}
