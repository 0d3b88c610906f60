/** What a click needs to tell about itself (a MouseEvent in the browser; a plain object in a test). */
export interface LinkClick {
  defaultPrevented: boolean
  button: number
  metaKey: boolean
  ctrlKey: boolean
  shiftKey: boolean
  altKey: boolean
  target: EventTarget | null
}

interface Anchor {
  href: string
  target: string
  hasAttribute: (name: string) => boolean
}

function anchorOf(target: EventTarget | null): Anchor | null {
  const element = target as { closest?: (selector: string) => Anchor | null } | null
  return typeof element?.closest === 'function' ? element.closest('a[href]') : null
}

/**
 * The path, query and hash a click on a link should open inside the app, or undefined when the browser
 * should handle it: a click already handled, any button or modifier but a plain left click (new tab, new
 * window, download), a link with a target or `download`, one marked `data-reload`, another origin or
 * scheme (tel:, mailto:), or a jump within the same page (#main).
 */
export function isAppNavigation(event: LinkClick, here: { origin: string, pathname: string, search: string }): string | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined
  const anchor = anchorOf(event.target)
  if (!anchor) return undefined
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download') || anchor.hasAttribute('data-reload')) return undefined
  let url: URL
  try {
    url = new URL(anchor.href, here.origin)
  }
  catch {
    return undefined
  }
  if (url.origin !== here.origin) return undefined
  if (url.hash && url.pathname === here.pathname && url.search === here.search) return undefined
  return `${url.pathname}${url.search}${url.hash}`
}

/** `path` with `query` (empty values left out), as a link's href. */
export function hrefWith(path: string, query: Record<string, unknown> = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || item === '') continue
      params.append(key, String(item))
    }
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}
