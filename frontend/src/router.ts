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
  window.location.hash = href(path)
}
