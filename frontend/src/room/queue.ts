import type { EntryPost } from './types'

/** One change waiting to reach the room: a save (POST) or a removal (DELETE) of the entry with this key. */
export interface Op {
  key: string
  activityId: number
  method: 'POST' | 'DELETE'
  body?: EntryPost
}

/**
 * What became of one send: ok; retry (network down, throttled, server
 * trouble); locked (409: the activity is locked or no longer current);
 * refused (400: the message says why); gone (401/403: no live token).
 */
export type Outcome = { kind: 'ok' | 'retry' | 'locked' | 'gone' } | { kind: 'refused'; message: string }

export type SaveStatus = 'saved' | 'saving' | 'offline'

interface Stored {
  queue: Op[]
  held: Op[]
}

/**
 * The participant's unsent changes, in the order they were made, kept in
 * localStorage so a reload or a phone that slept loses nothing. A change to
 * a key already waiting replaces it in place; one whose earlier version is
 * on its way goes after it. Sends run one at a time, in order; a resend
 * uses the same key, so the server never makes a duplicate. Changes the
 * server refused as locked are held (still shown) until the activity opens
 * again.
 */
export class PendingQueue {
  private queue: Op[] = []
  private held: Op[] = []
  private inFlight: Op | null = null
  private again = false
  private running: Promise<void> | null = null
  private offline = false
  /** The last refusal (400) or loss of the token, in plain words; '' when none. */
  problem = ''
  private problemKey = ''
  /** Told after every change of what is waiting or of the status. */
  onChange: () => void = () => {}

  constructor(
    private readonly storage: Storage,
    private readonly storageKey: string,
    private readonly send: (op: Op) => Promise<Outcome>,
  ) {
    try {
      const s = JSON.parse(storage.getItem(storageKey) ?? 'null') as Stored | null
      this.queue = Array.isArray(s?.queue) ? s.queue : []
      this.held = Array.isArray(s?.held) ? s.held : []
    } catch {
      // A damaged entry is worth less than a working page: start empty.
    }
  }

  /** Everything not yet saved, oldest first: held, then waiting (for showing it). */
  pending(): Op[] {
    return [...this.held, ...this.queue]
  }

  /** The changes the server refused as locked. */
  heldOps(): Op[] {
    return [...this.held]
  }

  status(): SaveStatus {
    if (this.queue.length === 0) return 'saved'
    return this.offline ? 'offline' : 'saving'
  }

  /** Adds a change; the caller flushes (at once for a tap, a little later while typing). */
  put(op: Op): void {
    this.held = this.held.filter((h) => h.key !== op.key)
    const i = this.queue.findIndex((q) => q.key === op.key && q !== this.inFlight)
    if (i >= 0) this.queue[i] = op
    else this.queue.push(op)
    this.save()
  }

  /** Sends the held changes of this activity again (it is open now). */
  release(activityId: number): void {
    const back = this.held.filter((h) => h.activityId === activityId)
    if (back.length === 0) return
    this.held = this.held.filter((h) => h.activityId !== activityId)
    for (const op of back) if (!this.queue.some((q) => q.key === op.key)) this.queue.push(op)
    this.save()
  }

  /** Forgets everything (a new claim: nothing of another name's may be sent under this one). */
  clear(): void {
    this.queue = []
    this.held = []
    this.problem = ''
    this.save()
  }

  /** Sends what is waiting, one at a time; resolves when the queue is empty or a send must wait. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.drain().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async drain(): Promise<void> {
    do {
      this.again = false
      while (this.queue.length > 0) {
        const op = this.queue[0]
        this.inFlight = op
        let out: Outcome
        try {
          out = await this.send(op)
        } catch {
          out = { kind: 'retry' }
        }
        this.inFlight = null
        if (out.kind === 'retry' || out.kind === 'gone') {
          this.offline = out.kind === 'retry'
          if (out.kind === 'gone') [this.problem, this.problemKey] = ['You are no longer in the room.', '']
          this.onChange()
          return
        }
        this.offline = false
        this.queue = this.queue.filter((q) => q !== op)
        if (out.kind === 'locked') this.held.push(op)
        // A refusal stays on screen until that entry is saved (other entries saving says nothing about it).
        if (out.kind === 'refused') [this.problem, this.problemKey] = [out.message, op.key]
        else if (op.key === this.problemKey || !this.problemKey) [this.problem, this.problemKey] = ['', '']
        this.save()
      }
    } while (this.again)
  }

  private save(): void {
    try {
      this.storage.setItem(this.storageKey, JSON.stringify({ queue: this.queue, held: this.held }))
    } catch {
      // Storage full or forbidden (private mode): the queue still works while the page is open.
    }
    this.onChange()
  }
}
