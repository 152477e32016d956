// A small hash router: "#/board/member/12" -> ["board", "member", "12"].
import { useSyncExternalStore } from 'react'

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb)
  return () => window.removeEventListener('hashchange', cb)
}

const snapshot = () => window.location.hash

/** Path segments of the current hash route. */
export function parseHash(hash: string): string[] {
  return hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent)
}

export function useRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, snapshot, () => '')
  return parseHash(hash)
}

export function href(path: string): string {
  return `#${path.startsWith('/') ? path : `/${path}`}`
}

export function navigate(path: string): void {
  const oldURL = window.location.href
  window.location.hash = href(path)
  // The browser fires hashchange only after the current event; tell the
  // subscribers now, so a control that navigates on change (a radio, a
  // select) shows its new state at once instead of snapping back until then.
  if (window.location.href !== oldURL) {
    window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }))
  }
}
