// The autosave queue behind "every keystroke is saved as it is typed".
//
// Each field has a key. set() remembers the newest value and (re)starts a
// short timer; when it fires, or on flush(), the value is sent. Sends of one
// key run one after another, so an older value can never overwrite a newer
// one on the server; different keys save in parallel, so typing fast in two
// fields loses neither. A failed send is retried while nothing newer exists.

import { errorMessage } from '../../api/errors'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

export interface SaveStatus {
  state: SaveState
  /** The last error message while state is "error". */
  error: string
}

type Send<V> = (value: V) => Promise<unknown>

interface Entry<V> {
  value: V
  send: Send<V>
  dirty: boolean
  timer: ReturnType<typeof setTimeout> | null
  chain: Promise<void>
  inflight: number
  failures: number
  cancelled: boolean // by cancel(): a failed send in flight is not retried
}

export interface AutosaveOptions {
  /** Quiet time before a value is sent (ms); at most 300 so nothing waits long. */
  delay?: number
  /** Wait before retrying a failed send (ms). */
  retryDelay?: number
  onStatus?: (s: SaveStatus) => void
}

export class AutosaveQueue<V = unknown> {
  private entries = new Map<string, Entry<V>>()
  private readonly delay: number
  private readonly retryDelay: number
  private readonly onStatus?: (s: SaveStatus) => void
  private status: SaveStatus = { state: 'idle', error: '' }
  private errors = new Map<string, string>()

  constructor(opts: AutosaveOptions = {}) {
    this.delay = Math.min(opts.delay ?? 250, 300)
    this.retryDelay = opts.retryDelay ?? 2000
    this.onStatus = opts.onStatus
  }

  /** Remembers the newest value of key and schedules its save. */
  set(key: string, value: V, send: Send<V>): void {
    let e = this.entries.get(key)
    if (!e) {
      e = {
        value,
        send,
        dirty: true,
        timer: null,
        chain: Promise.resolve(),
        inflight: 0,
        failures: 0,
        cancelled: false,
      }
      this.entries.set(key, e)
    }
    e.value = value
    e.send = send
    e.dirty = true
    e.failures = 0
    e.cancelled = false
    this.schedule(key, e, this.delay)
    this.report()
  }

  /** The newest value set for key that may not be on the server yet. */
  pending(key: string): V | undefined {
    const e = this.entries.get(key)
    return e && (e.dirty || e.inflight > 0) ? e.value : undefined
  }

  /** True while anything is waiting or being sent. */
  get busy(): boolean {
    for (const e of this.entries.values()) if (e.dirty || e.inflight > 0) return true
    return false
  }

  get current(): SaveStatus {
    return this.status
  }

  /** Sends everything waiting now; resolves when every send has settled. */
  flush(): Promise<void> {
    const all: Promise<void>[] = []
    for (const [key, e] of this.entries) {
      if (e.timer) {
        clearTimeout(e.timer)
        e.timer = null
      }
      if (e.dirty) this.fire(key, e)
      all.push(e.chain)
    }
    return Promise.all(all).then(() => undefined)
  }

  /** Forgets what is waiting for key (a deleted item): no send, no retry, no error. */
  cancel(key: string): void {
    const e = this.entries.get(key)
    if (!e) return
    if (e.timer) clearTimeout(e.timer)
    e.timer = null
    e.dirty = false
    e.cancelled = true
    this.errors.delete(key)
    this.report()
  }

  /** Stops timers without sending (after flush(), when a view goes away for good). */
  dispose(): void {
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer)
  }

  private schedule(key: string, e: Entry<V>, ms: number) {
    if (e.timer) clearTimeout(e.timer)
    e.timer = setTimeout(() => {
      e.timer = null
      if (e.dirty) this.fire(key, e)
    }, ms)
  }

  private fire(key: string, e: Entry<V>) {
    e.dirty = false
    e.inflight++
    const value = e.value
    const send = e.send
    this.report()
    const run = () =>
      send(value).then(
        () => {
          e.inflight--
          e.failures = 0
          this.errors.delete(key)
          this.report()
        },
        (err: unknown) => {
          e.inflight--
          e.failures++
          this.errors.set(key, errorMessage(err))
          // Keep the value waiting unless something newer is on its way
          // already; retry on a timer a few times, after that only on the
          // next flush (blur, navigation, finish), so nothing is dropped.
          if (e.cancelled) this.errors.delete(key)
          else if (!e.dirty) {
            e.dirty = true
            if (e.failures < 5) this.schedule(key, e, this.retryDelay * e.failures)
          }
          this.report()
        },
      )
    // Start at once when the key is idle: a flush from beforeunload must
    // issue its request before the page goes; otherwise wait for the send ahead.
    e.chain = e.inflight === 1 ? run() : e.chain.then(run)
  }

  private report() {
    let next: SaveStatus
    if (this.errors.size > 0) next = { state: 'error', error: [...this.errors.values()][0] }
    else if (this.busy) next = { state: 'saving', error: '' }
    else next = { state: this.entries.size ? 'saved' : 'idle', error: '' }
    if (next.state === this.status.state && next.error === this.status.error) return
    this.status = next
    this.onStatus?.(next)
  }
}

/** One status for two queues: an error or a save in flight in either shows. */
export function mergeStatus(a: SaveStatus, b: SaveStatus): SaveStatus {
  const rank: Record<SaveState, number> = { error: 3, saving: 2, saved: 1, idle: 0 }
  return rank[a.state] >= rank[b.state] ? a : b
}
