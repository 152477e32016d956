import { Api, ApiError, apiBase } from './api'
import { h, morphChildren } from './dom'
import { Mine, newKey, slotOf } from './entries'
import { PendingQueue, type Op, type Outcome } from './queue'
import type { ConsentKind, Me, Room, State } from './types'
import { activityView } from './views/activity'
import { consentScreen, guestProblem, joinScreen, pendingScreen } from './views/screens'
import type { Change } from './views/widgets'

/** What the app needs from the browser; tests hand in fakes. */
export interface Env {
  fetch: typeof fetch
  EventSource: new (url: string) => EventSource
  storage: Storage
  /** The page's path: /j/{secret}/. */
  path: string
  win: Window
}

type Screen = 'loading' | 'join' | 'pending' | 'consent' | 'part' | 'away'

/** How often (ms) the app retries sends, re-checks a pending claim, or reconnects. */
const tickMs = 3000
/** How long (ms) typing may pause before what was typed is sent. */
const typingMs = 600

const statusWords = { saved: 'Saved', saving: 'Saving…', offline: 'Offline – will send when you are back' }

/**
 * The participant app: join, consent, then the current activity, following
 * the facilitator through the room's event stream.
 */
export class RoomApp {
  readonly api: Api
  readonly queue: PendingQueue
  private screen: Screen = 'loading'
  private room: Room | null = null
  private me: Me | null = null
  private state: State | null = null
  private message = ''
  private busy = false
  private answers: Partial<Record<ConsentKind, boolean>> = {}
  /** The guest's form: the first name typed so far; null while closed. */
  private guest: string | null = null
  private drafts: Record<string, { text: string; value: number }>
  private es: EventSource | null = null
  private loading: Promise<void> | null = null
  private reload = false
  private typing = 0
  private timer = 0
  private readonly prefix: string

  constructor(
    private readonly root: HTMLElement,
    private readonly env: Env,
  ) {
    this.api = new Api(apiBase(env.path), env.fetch)
    // Per room (its secret is in the path): another room's leftovers never mix in.
    this.prefix = 'sbroom:' + this.api.base
    this.queue = new PendingQueue(env.storage, this.prefix + ':queue', (op) => this.send(op))
    this.queue.onChange = () => this.render()
    this.drafts = this.read('drafts', {})
  }

  /** Loads the room and starts the timers and listeners. */
  start(): Promise<void> {
    this.timer = this.env.win.setInterval(() => void this.tick(), tickMs)
    this.env.win.addEventListener('online', () => void this.wake())
    this.env.win.document.addEventListener('visibilitychange', () => {
      // Hidden: the phone may sleep any moment, so send what was just typed; visible again: catch up.
      if (this.env.win.document.visibilityState === 'visible') void this.wake()
      else void this.queue.flush()
    })
    return this.enter()
  }

  /** Stops timers and the stream (tests). */
  stop(): void {
    this.env.win.clearInterval(this.timer)
    this.env.win.clearTimeout(this.typing)
    this.es?.close()
    this.es = null
  }

  private read<T>(name: string, fallback: T): T {
    try {
      return (JSON.parse(this.env.storage.getItem(`${this.prefix}:${name}`) ?? 'null') as T) ?? fallback
    } catch {
      return fallback
    }
  }

  private write(name: string, v: unknown): void {
    try {
      this.env.storage.setItem(`${this.prefix}:${name}`, JSON.stringify(v))
    } catch {
      // Full or forbidden storage: the page still works while open.
    }
  }

  /** (Re)reads the room and goes to the screen the participant's claim calls for. */
  private async enter(): Promise<void> {
    try {
      this.room = await this.api.room()
    } catch {
      // A finished session closes its room: the last state already says so, and thanks them.
      this.go(this.state?.status === 'finished' ? 'part' : 'away')
      return
    }
    if (this.room.me) return this.follow(this.room.me)
    // Taking part a moment ago and now unknown: the room was closed and opened again, or the claim undone.
    if (this.screen === 'part' || this.screen === 'consent')
      this.message = 'Your place in the room has ended. Please pick your name again.'
    this.go('join')
  }

  private go(s: Screen): void {
    this.screen = s
    if (s !== 'part') {
      this.es?.close()
      this.es = null
    }
    this.render()
  }

  /** Moves on by the claim's state. */
  private follow(me: Me): void {
    this.me = me
    if (me.state === 'pending') return this.go('pending')
    if (me.state === 'rejected') {
      this.message = `The facilitator did not confirm you as ${me.name}. Please pick your name again.`
      void this.api.room().then((r) => {
        this.room = r
        this.render()
      })
      return this.go('join')
    }
    this.message = ''
    if (!this.read('consented', '')) return this.go('consent')
    this.go('part')
    this.connect()
    void this.loadState()
    void this.queue.flush()
  }

  private claim(nameId: string): Promise<void> {
    const name = this.room?.names.find((n) => n.id === nameId)?.name ?? 'That name'
    return this.claimWith(() => this.api.claim(nameId), `${name} is already taken. Please pick your own name.`)
  }

  private joinAsGuest(): Promise<void> {
    const typed = this.guest ?? ''
    const problem = guestProblem(typed)
    if (problem) {
      this.message = problem
      this.render()
      return Promise.resolve()
    }
    return this.claimWith(() => this.api.claimGuest(typed.trim()), '')
  }

  /** Sends a claim; taken is what a 409 says ('' = the room's own words). */
  private async claimWith(send: () => Promise<Me>, taken: string): Promise<void> {
    this.busy = true
    this.render()
    try {
      const me = await send()
      // A new claim starts clean: nothing typed under another name may be sent under this one.
      this.queue.clear()
      this.drafts = {}
      this.write('drafts', {})
      this.write('consented', '')
      this.answers = {}
      this.guest = null
      this.follow(me)
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && taken) this.message = taken
      else if (e instanceof ApiError && e.status === 429)
        this.message = 'Too many people are joining at once. Wait a moment, then try again.'
      else if (e instanceof ApiError) this.message = e.message
      else this.message = 'The room could not be reached. Check the Wi-Fi, then try again.'
      await this.api.room().then(
        (r) => (this.room = r),
        () => {},
      )
    } finally {
      this.busy = false
      this.render()
    }
  }

  private async submitConsent(): Promise<void> {
    if (this.me && this.me.ask.length === 0) {
      this.write('consented', '1')
      return this.follow(this.me)
    }
    this.busy = true
    this.render()
    try {
      const yes = (k: ConsentKind) => this.answers[k] === true
      const me = await this.api.consent({
        quoting: yes('quoting'),
        recording: yes('recording'),
        contact: yes('contact'),
      })
      this.write('consented', '1')
      this.follow(me)
    } catch (e) {
      this.message = e instanceof ApiError ? e.message : 'The room could not be reached. Try again in a moment.'
    } finally {
      this.busy = false
      this.render()
    }
  }

  /** Gets the state; calls made while one is on its way are folded into one more. */
  private loadState(): Promise<void> {
    if (this.loading) {
      this.reload = true
      return this.loading
    }
    this.loading = (async () => {
      do {
        this.reload = false
        try {
          this.apply(await this.api.state())
        } catch (e) {
          if (e instanceof ApiError && (e.status === 401 || e.status === 403)) await this.enter()
          return
        }
      } while (this.reload)
    })().finally(() => (this.loading = null))
    return this.loading
  }

  /** Takes a state unless an older one arrived late. */
  private apply(s: State): void {
    if (this.state && s.version < this.state.version) return
    this.state = s
    // Changes held because the activity was locked go out once it is open again.
    if (s.activity && !s.activity.locked && s.status === 'running') {
      const held = this.queue.heldOps().some((o) => o.activityId === s.activity?.id)
      if (held) {
        this.queue.release(s.activity.id)
        void this.queue.flush()
      }
    }
    this.render()
  }

  private connect(): void {
    if (this.es) return
    const es = new this.env.EventSource(this.api.base + 'events')
    this.es = es
    es.addEventListener('state', (e) => {
      let v = Infinity
      try {
        v = Number((JSON.parse((e as MessageEvent<string>).data) as { version: number }).version)
      } catch {
        // An unreadable event still means something changed.
      }
      if (!this.state || !(v <= this.state.version)) void this.loadState()
    })
    // Also after each reconnect (EventSource reconnects by itself): catch up and send what waited.
    es.addEventListener('open', () => void this.wake())
    es.addEventListener('error', () => {
      // Closed for good (the server refused the stream): the next tick checks the claim and reconnects.
      if (es.readyState === 2 && this.es === es) this.es = null
    })
  }

  private async wake(): Promise<void> {
    if (this.screen === 'part') {
      void this.queue.flush()
      await this.loadState()
    } else if (this.screen === 'away') await this.enter()
  }

  private async tick(): Promise<void> {
    if (this.screen === 'pending') {
      try {
        this.follow(await this.api.me())
      } catch (e) {
        // The claim was rejected (its token died) or the room closed.
        if (e instanceof ApiError && e.status === 401) {
          this.message = 'The facilitator did not confirm you. Please pick your name again.'
          await this.enter()
        }
      }
    } else if (this.screen === 'part') {
      if (this.queue.pending().length > this.queue.heldOps().length) void this.queue.flush()
      if (!this.es) {
        this.connect()
        void this.loadState()
      }
    } else if (this.screen === 'away') await this.enter()
  }

  /** Sends one queued change and says what became of it. */
  private async send(op: Op): Promise<Outcome> {
    try {
      if (op.method === 'POST' && op.body) this.apply((await this.api.postEntry(op.body)).state)
      else this.apply(await this.api.deleteEntry(op.key))
      return { kind: 'ok' }
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 429 || e.status >= 500) return { kind: 'retry' }
      if (e.status === 409) return { kind: 'locked' }
      if (e.status === 404 && op.method === 'DELETE') return { kind: 'ok' } // already gone
      if (e.status === 401 || e.status === 403) {
        void this.loadState()
        return { kind: 'gone' }
      }
      return { kind: 'refused', message: e.message }
    }
  }

  /** Queues a change to an entry of the current activity: the same slot keeps its key. */
  private set(change: Change, typing = false): void {
    const a = this.state?.activity
    if (!a) return
    let key = change.key
    if (!key) {
      const mine = new Mine(a.kind, a.id, this.state?.mine ?? [], this.queue.pending())
      key = mine.get(slotOf(a.kind, { key: '', itemId: 0, variantId: 0, targetId: 0, text: '', ...change }))?.key
    }
    const body = { ...change, key: key ?? newKey(), activityId: a.id }
    this.queue.put({ key: body.key, activityId: a.id, method: 'POST', body })
    this.env.win.clearTimeout(this.typing)
    if (typing) this.typing = this.env.win.setTimeout(() => void this.queue.flush(), typingMs)
    else void this.queue.flush()
  }

  private remove(key: string): void {
    const a = this.state?.activity
    if (!a) return
    this.queue.put({ key, activityId: a.id, method: 'DELETE' })
    void this.queue.flush()
  }

  private saveStatus(): HTMLElement {
    const here = this.state?.activity?.id
    const held = this.queue.heldOps()
    return h(
      'p',
      { class: 'save ' + this.queue.status(), role: 'status', 'aria-live': 'polite', 'data-k': 'save' },
      statusWords[this.queue.status()],
      held.some((o) => o.activityId === here) &&
        h('span', { class: 'notice' }, ' · Locked: what you wrote stays on this phone until it is unlocked.'),
      held.some((o) => o.activityId !== here) &&
        h(
          'span',
          { class: 'notice' },
          ' · Some of what you wrote came after the facilitator moved on: it was not sent.',
        ),
      this.queue.problem && h('span', { class: 'notice' }, ` · Not saved: ${this.queue.problem}`),
    )
  }

  /** Builds the screen afresh and patches the page to it. */
  render(): void {
    const body = (() => {
      const room = this.room
      switch (this.screen) {
        case 'loading':
          return [h('p', { role: 'status' }, 'Opening the room…')]
        case 'away':
          return [
            h('p', { class: 'notice', role: 'alert' }, 'The room cannot be reached right now.'),
            h('p', {}, 'Check that you are on the same Wi-Fi as the facilitator. This page tries again by itself.'),
          ]
        case 'join':
          return room
            ? joinScreen(room, this.message, this.busy, this.guest, {
                claim: (id) => void this.claim(id),
                openGuest: () => {
                  this.guest = ''
                  this.render()
                },
                setGuest: (name) => {
                  this.guest = name
                  this.render()
                },
                joinAsGuest: () => void this.joinAsGuest(),
              })
            : []
        case 'pending':
          return this.me ? pendingScreen(this.me) : []
        case 'consent':
          return this.me
            ? consentScreen(this.me, this.answers, this.busy, this.message, {
                answer: (k, yes) => {
                  this.answers[k] = yes
                  this.render()
                },
                submit: () => void this.submitConsent(),
              })
            : []
        case 'part':
          return [
            this.saveStatus(),
            this.state
              ? activityView(this.state, this.queue.pending(), {
                  set: (c, typing) => this.set(c, typing),
                  remove: (k) => this.remove(k),
                  draft: (id) => this.drafts[id] ?? { text: '', value: 0 },
                  setDraft: (id, text, value) => {
                    this.drafts[id] = { text, value }
                    this.write('drafts', this.drafts)
                    this.render()
                  },
                })
              : h('p', { role: 'status' }, 'Loading…'),
          ]
      }
    })()
    const page = h(
      'main',
      {},
      h(
        'header',
        { 'data-k': 'head' },
        h('h1', {}, this.room?.title ?? 'Sounding Board'),
        this.screen === 'part' &&
          this.me &&
          h(
            'p',
            { class: 'me' },
            `You are ${this.me.name} · `,
            h('button', { type: 'button', class: 'link', onclick: () => this.go('consent') }, 'What we record'),
          ),
      ),
      body,
    )
    morphChildren(this.root, h('div', {}, page))
  }
}
