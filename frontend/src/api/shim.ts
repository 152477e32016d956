// Browser mode: the same generated Wails bindings call window.go.<pkg>.<Struct>.<Method>.
// Here those calls become POST /rpc/<pkg>.<Struct>.<Method> with a JSON array
// of arguments. Like the window, a failed call rejects with an AppError.
import type { AppError } from './errors'

type FetchFn = typeof fetch
type Win = Window & { go?: unknown; runtime?: unknown }

// Browsers cap the bodies of all keepalive requests in flight at 64 KiB per
// page, counted in bytes; past that fetch throws. Count what is out and stay under it.
const keepaliveBudget = 60_000
let keepaliveInFlight = 0
const utf8 = new TextEncoder()

/**
 * The size of s in UTF-8 bytes, as the browser counts it: 李雷 is 2 UTF-16 units
 * but 6 bytes. A UTF-8 string is never shorter than its UTF-16 one, so a body
 * already past the budget in units is not encoded just to be measured.
 */
export function byteLength(s: string): number {
  return s.length >= keepaliveBudget ? s.length : utf8.encode(s).length
}

/** Marks a refusal answered with 200; rpc.RefusalHeader in Go. */
const refusalHeader = 'Sb-Refusal'

/** Calls one bound Go method over HTTP; rejects with an AppError. */
export async function rpcCall(name: string, args: unknown[], fetchFn: FetchFn = fetch): Promise<unknown> {
  let res: Response
  const body = JSON.stringify(args)
  // Small calls (autosaves) survive a reload or a closed tab while the budget allows.
  const size = byteLength(body)
  const keepalive = keepaliveInFlight + size < keepaliveBudget
  if (keepalive) keepaliveInFlight += size
  try {
    res = await fetchFn(`/rpc/${name}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      keepalive,
    })
  } catch (e) {
    throw {
      error: `Cannot reach Sounding Board (${e instanceof Error ? e.message : String(e)}). Is "soundingboard serve" still running?`,
      code: 'unreachable',
    } satisfies AppError
  } finally {
    if (keepalive) keepaliveInFlight -= size
  }
  const text = await res.text()
  // A refusal (invalid, not found, conflict) comes as 200 with this header,
  // so that the browser does not log it as a failed request.
  if (!res.ok || res.headers.has(refusalHeader)) throw errorFromBody(res.status, res.statusText, text)
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw { error: `${name}: the server sent an answer that is not JSON`, code: 'internal' } satisfies AppError
  }
}

function errorFromBody(status: number, statusText: string, text: string): AppError {
  try {
    const body = JSON.parse(text)
    if (body && typeof body.error === 'string')
      return { error: body.error, code: String(body.code ?? 'internal'), fields: body.fields }
  } catch {
    // Not JSON: plain-text errors (e.g. "not signed in") are still worth showing.
  }
  const plain = text.trim()
  return {
    error: plain !== '' ? plain : `Request failed: ${status} ${statusText}`.trim(),
    code: status === 401 ? 'unauthorized' : 'internal',
  }
}

const noThen = (p: string | symbol) => typeof p === 'symbol' || p === 'then' || p === 'toJSON'

/** window.go as nested proxies: go[pkg][Struct][Method](...args). */
export function makeGoProxy(fetchFn?: FetchFn): unknown {
  const level = (path: string[]): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          if (noThen(prop)) return undefined
          const next = [...path, String(prop)]
          if (next.length === 3) return (...args: unknown[]) => rpcCall(next.join('.'), args, fetchFn)
          return level(next)
        },
      },
    )
  return level([])
}

const noop = () => {}

/** The parts of window.runtime the generated runtime wrappers may touch. */
export function makeRuntime(win: Window): Record<string, unknown> {
  const rt: Record<string, unknown> = {
    EventsOnMultiple: () => noop,
    EventsOn: () => noop,
    EventsOff: noop,
    EventsOffAll: noop,
    EventsEmit: noop,
    BrowserOpenURL: (url: string) => {
      win.open(url, '_blank', 'noopener')
    },
    Environment: async () => ({ buildType: 'browser', platform: 'web', arch: '' }),
    ClipboardSetText: async (t: string) => {
      await navigator.clipboard?.writeText(t)
      return true
    },
    ClipboardGetText: async () => (await navigator.clipboard?.readText()) ?? '',
    WindowSetTitle: (t: string) => {
      win.document.title = t
    },
  }
  for (const level of ['Print', 'Trace', 'Debug', 'Info', 'Warning', 'Error', 'Fatal']) {
    rt[`Log${level}`] = noop
  }
  // Anything else (window management, dialogs) does nothing in a browser tab.
  return new Proxy(rt, { get: (t, p) => (noThen(p) ? undefined : (t[String(p)] ?? noop)) })
}

let desktop = false

/**
 * Installs window.go and window.runtime when they are missing (browser mode).
 * Returns true when the app runs in the desktop window (Wails injected them).
 */
export function installShim(win: Win = window, fetchFn?: FetchFn): boolean {
  desktop = typeof win.go !== 'undefined'
  if (!desktop) {
    win.go = makeGoProxy(fetchFn)
    if (typeof win.runtime === 'undefined') win.runtime = makeRuntime(win)
  }
  return desktop
}

/** True in the Wails desktop window, false in browser mode. */
export function isDesktop(): boolean {
  return desktop
}
