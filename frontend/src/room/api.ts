import type { ConsentKind, EntryPost, Me, MyEntry, Room, State } from './types'

/** An answer other than 2xx, with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The API's base path, from the page's own path: the page is served at
 * /j/{secret}/ (or without the slash), the API under /j/{secret}/api/.
 */
export function apiBase(pathname: string): string {
  const m = /^(.*?\/j\/[^/]+)/.exec(pathname)
  return (m ? m[1] : pathname.replace(/\/[^/]*$/, '')) + '/api/'
}

/** The participant API; every call rejects with ApiError, or a TypeError when the network is down. */
export class Api {
  constructor(
    readonly base: string,
    private readonly fetcher: typeof fetch,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, credentials: 'same-origin', cache: 'no-store' }
    if (body !== undefined) {
      init.headers = { 'Content-Type': 'application/json' }
      init.body = JSON.stringify(body)
    }
    const res = await this.fetcher(this.base + path, init)
    const data: unknown = await res.json().catch(() => null)
    if (!res.ok) {
      const msg = (data as { error?: unknown } | null)?.error
      throw new ApiError(res.status, typeof msg === 'string' ? msg : `The room answered ${res.status}.`)
    }
    return data as T
  }

  room = () => this.call<Room>('GET', 'room')
  me = () => this.call<Me>('GET', 'me')
  claim = (nameId: string) => this.call<Me>('POST', 'claim', { nameId })
  claimGuest = (guestName: string) => this.call<Me>('POST', 'claim', { guestName })
  consent = (answers: Record<ConsentKind, boolean>) => this.call<Me>('POST', 'consent', answers)
  state = () => this.call<State>('GET', 'state')
  postEntry = (e: EntryPost) => this.call<{ entry: MyEntry; state: State }>('POST', 'entry', e)
  deleteEntry = (key: string) => this.call<State>('DELETE', 'entry/' + encodeURIComponent(key))
}
