import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RoomApp } from './app'
import * as f from './fixtures'
import type { EntryPost, Me, MyEntry, State } from './types'

/** An EventSource stand-in the test drives. */
class FakeSource {
  static all: FakeSource[] = []
  readyState = 0
  private handlers: Record<string, ((e: Event) => void)[]> = {}
  constructor(readonly url: string) {
    FakeSource.all.push(this)
  }
  addEventListener(type: string, fn: (e: Event) => void) {
    ;(this.handlers[type] ??= []).push(fn)
  }
  close() {
    this.readyState = 2
  }
  emit(type: string, data?: unknown) {
    if (type === 'open') this.readyState = 1
    const e = Object.assign(new Event(type), { data: JSON.stringify(data) })
    for (const fn of this.handlers[type] ?? []) fn(e)
  }
}

const me = (state: Me['state'], more: Partial<Me> = {}): Me => ({
  name: 'Anna',
  state,
  recorded: ['What you write in this session, with your name, for the team'],
  agreed: [
    { kind: 'contact', granted: true, selfDeclared: false },
    { kind: 'recording', granted: false, selfDeclared: true },
  ],
  ask: ['quoting'],
  ...more,
})

/** The participant API in memory: enough of the server to follow the app through a session. */
function fakeRoom() {
  const calls: { method: string; path: string; body?: unknown }[] = []
  const entries = new Map<string, MyEntry>()
  const m = {
    down: false,
    locked: false,
    me: null as Me | null,
    claim: 200,
    state: f.state(f.openQuestion) as State,
  }
  const state = (): State => ({ ...m.state, mine: [...entries.values()] })
  const answer = (status: number, data: unknown) => ({ ok: status < 300, status, json: async () => data }) as Response
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const path = String(url).replace('/j/s3cr3t/api/', '')
    const method = init?.method ?? 'GET'
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ method, path, body })
    if (m.down) throw new TypeError('Failed to fetch')
    switch (`${method} ${path}`) {
      case 'GET room':
        return answer(200, {
          title: 'Pricing interviews',
          names: [
            { id: 'n1', name: 'Anna', taken: m.me !== null },
            { id: 'n2', name: f.hostile, taken: true },
          ],
          me: m.me ?? undefined,
        })
      case 'POST claim': {
        if (m.claim !== 200) return answer(m.claim, { error: m.claim === 400 ? 'Guest name is required.' : 'taken' })
        const guest = (body as { guestName?: string }).guestName
        m.me = me('pending', guest ? { name: guest } : {})
        return answer(200, m.me)
      }
      case 'GET me':
        return m.me ? answer(200, m.me) : answer(401, { error: 'no token' })
      case 'POST consent':
        m.me = { ...me('confirmed'), ask: [] }
        return answer(200, m.me)
      case 'GET state':
        return m.me?.state === 'confirmed' ? answer(200, state()) : answer(403, { error: 'not confirmed' })
      case 'POST entry': {
        if (m.locked) return answer(409, { error: 'The facilitator has locked this activity.' })
        const p = body as EntryPost
        const e = { id: 1, itemId: 0, variantId: 0, targetId: 0, text: '', value: 0, ...p }
        entries.set(p.key, e)
        m.state = { ...m.state, version: m.state.version + 1 }
        return answer(200, { entry: e, state: state() })
      }
    }
    return answer(404, { error: 'not found' })
  }
  return { m, calls, fetch, entries }
}

let app: RoomApp | null = null

function start(room: ReturnType<typeof fakeRoom>) {
  const root = document.createElement('div')
  document.body.replaceChildren(root)
  app = new RoomApp(root, {
    fetch: room.fetch as typeof fetch,
    EventSource: FakeSource as unknown as typeof EventSource,
    storage: localStorage,
    path: '/j/s3cr3t/',
    win: window,
  })
  return app.start()
}

const settle = () => vi.advanceTimersByTimeAsync(0)

describe('RoomApp', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    localStorage.clear()
    FakeSource.all = []
  })
  afterEach(() => {
    app?.stop()
    app = null
    vi.useRealTimers()
  })

  it('joins: names (taken ones disabled), a claim, waiting, then consent and the activity', async () => {
    const room = fakeRoom()
    await start(room)
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pricing interviews')
    const names = screen.getByRole('list', { name: 'First names' })
    expect(within(names).getByRole('button', { name: `${f.hostile} (taken)` })).toHaveProperty('disabled', true)
    expect(document.querySelector('img')).toBeNull()

    fireEvent.click(within(names).getByRole('button', { name: 'Anna' }))
    await settle()
    expect(room.calls.at(-1)).toEqual({ method: 'POST', path: 'claim', body: { nameId: 'n1' } })
    expect(screen.getByRole('status').textContent).toBe('Waiting for the facilitator to confirm you…')

    room.m.me = me('confirmed')
    await vi.advanceTimersByTimeAsync(3000)
    expect(screen.getByRole('heading', { name: 'Before we start, Anna' })).toBeTruthy()
    expect(screen.getByText('What you write in this session, with your name, for the team')).toBeTruthy()
    const agreed = screen.getByRole('list', { name: 'What you have agreed to' })
    expect(agreed.textContent).toContain('Contacting you after the session: yes')
    expect(agreed.textContent).toContain('Recording this session: no (self-declared')
    const go = screen.getByRole('button', { name: 'Continue' })
    expect(go).toHaveProperty('disabled', true)
    const ask = screen.getByRole('group', { name: 'May we quote what you write, without your name?' })
    fireEvent.click(within(ask).getByLabelText('Yes'))
    expect(go).toHaveProperty('disabled', false)
    fireEvent.click(go)
    await settle()
    expect(room.calls.find((c) => c.path === 'consent')?.body).toEqual({
      quoting: true,
      recording: false,
      contact: false,
    })
    expect(screen.getByRole('heading', { name: 'The activity' })).toBeTruthy()
    expect(screen.getByLabelText('Your answer')).toBeTruthy()
    expect(FakeSource.all.map((s) => s.url)).toEqual(['/j/s3cr3t/api/events'])
  })

  it('says so plainly when a name is taken, or the claim is rejected, and lets them pick again', async () => {
    const room = fakeRoom()
    room.m.claim = 409
    await start(room)
    fireEvent.click(screen.getByRole('button', { name: 'Anna' }))
    await settle()
    expect(screen.getByRole('alert').textContent).toBe('Anna is already taken. Please pick your own name.')

    room.m.claim = 200
    fireEvent.click(screen.getByRole('button', { name: 'Anna' }))
    await settle()
    room.m.me = me('rejected')
    await vi.advanceTimersByTimeAsync(3000)
    expect(screen.getByRole('alert').textContent).toBe(
      'The facilitator did not confirm you as Anna. Please pick your name again.',
    )
    expect(screen.getByRole('list', { name: 'First names' })).toBeTruthy()
  })

  it("joins as a guest: I'm not on the list, a first name checked before it is sent, then waiting", async () => {
    const room = fakeRoom()
    await start(room)
    fireEvent.click(screen.getByRole('button', { name: "I'm not on the list" }))
    const form = screen.getByRole('form', { name: 'Join as a guest' })
    const input = within(form).getByLabelText('Your first name')
    const send = within(form).getByRole('button', { name: 'Join as a guest' })
    const sent = () => room.calls.filter((c) => c.path === 'claim').length
    for (const [typed, says] of [
      ['   ', 'Type your first name.'],
      ['a'.repeat(41), 'Your first name is longer than 40 characters.'],
      ['Sam\u0007', 'Your first name contains a control character; remove it.'],
    ]) {
      fireEvent.input(input, { target: { value: typed } })
      fireEvent.click(send)
      await settle()
      expect(screen.getByRole('alert').textContent).toBe(says)
    }
    expect(sent()).toBe(0)

    // The room's own refusal is shown as it says it.
    room.m.claim = 400
    fireEvent.input(input, { target: { value: 'Sam' } })
    fireEvent.click(send)
    await settle()
    expect(screen.getByRole('alert').textContent).toBe('Guest name is required.')

    room.m.claim = 200
    fireEvent.input(screen.getByLabelText('Your first name'), { target: { value: '  Sam ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Join as a guest' }))
    await settle()
    expect(room.calls.at(-1)).toEqual({ method: 'POST', path: 'claim', body: { guestName: 'Sam' } })
    expect(screen.getByRole('heading', { name: 'Hello, Sam' })).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Waiting for the facilitator to confirm you…')
  })

  async function joined(room: ReturnType<typeof fakeRoom>) {
    room.m.me = { ...me('confirmed'), ask: [] }
    localStorage.setItem('sbroom:/j/s3cr3t/api/:consented', '"1"')
    await start(room)
    await settle()
  }

  it('autosaves with one key per slot, keeps changes offline, and resends them with the same key', async () => {
    const room = fakeRoom()
    await joined(room)
    const answer = screen.getByLabelText('Your answer') as HTMLTextAreaElement
    answer.focus()
    fireEvent.input(answer, { target: { value: 'Fast' } })
    await vi.advanceTimersByTimeAsync(1000)
    expect(screen.getByRole('status').textContent).toBe('Saved')
    const first = room.calls.filter((c) => c.path === 'entry').map((c) => c.body as EntryPost)
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ activityId: 10, kind: 'answer', itemId: 9, text: 'Fast' })
    expect(first[0].key).toMatch(/^[0-9a-f]{32}$/)

    room.m.down = true
    fireEvent.input(answer, { target: { value: 'Fast and calm' } })
    await vi.advanceTimersByTimeAsync(1000)
    expect(screen.getByRole('status').textContent).toBe('Offline – will send when you are back')
    expect(answer.value).toBe('Fast and calm')
    expect(localStorage.getItem('sbroom:/j/s3cr3t/api/:queue')).toContain('Fast and calm')

    room.m.down = false
    window.dispatchEvent(new Event('online'))
    await settle()
    expect(screen.getByRole('status').textContent).toBe('Saved')
    const keys = room.calls.filter((c) => c.path === 'entry').map((c) => (c.body as EntryPost).key)
    expect(new Set(keys)).toEqual(new Set([first[0].key]))
    expect([...room.entries.values()].map((e) => e.text)).toEqual(['Fast and calm'])
  })

  it('a reload sends what was left unsent, with its key; a state event fetches the new state', async () => {
    const room = fakeRoom()
    const op = { key: 'k'.repeat(32), activityId: 10, kind: 'answer', itemId: 9, text: 'typed before the reload' }
    localStorage.setItem(
      'sbroom:/j/s3cr3t/api/:queue',
      JSON.stringify({ queue: [{ key: op.key, activityId: 10, method: 'POST', body: op }], held: [] }),
    )
    await joined(room)
    expect(room.entries.get(op.key)?.text).toBe('typed before the reload')
    expect((screen.getByLabelText('Your answer') as HTMLTextAreaElement).value).toBe('typed before the reload')

    room.m.state = { ...room.m.state, version: 50, activity: f.rating }
    const gets = room.calls.filter((c) => c.path === 'state').length
    FakeSource.all[0].emit('state', { version: 50 })
    await settle()
    expect(room.calls.filter((c) => c.path === 'state').length).toBe(gets + 1)
    expect(screen.getByRole('group', { name: /Your rating/ })).toBeTruthy()
    FakeSource.all[0].emit('state', { version: 50 })
    await settle()
    expect(room.calls.filter((c) => c.path === 'state').length).toBe(gets + 1)
  })

  it('a participant whose token died picks their name again, told why', async () => {
    const room = fakeRoom()
    await joined(room)
    room.m.me = null
    room.m.state = { ...room.m.state, version: 30 }
    FakeSource.all[0].emit('state', { version: 30 })
    await settle()
    expect(screen.getByRole('alert').textContent).toBe('Your place in the room has ended. Please pick your name again.')
    expect(screen.getByRole('button', { name: 'Anna' })).toHaveProperty('disabled', false)
    expect(FakeSource.all[0].readyState).toBe(2)
  })

  it('locked: keeps the text on screen and says so', async () => {
    const room = fakeRoom()
    await joined(room)
    room.m.locked = true
    const answer = screen.getByLabelText('Your answer') as HTMLTextAreaElement
    fireEvent.input(answer, { target: { value: 'Too late?' } })
    await vi.advanceTimersByTimeAsync(1000)
    expect(screen.getByRole('status').textContent).toContain('Locked: what you wrote stays on this phone')
    room.m.state = { ...room.m.state, version: 9, activity: { ...f.openQuestion, locked: true } }
    FakeSource.all[0].emit('state', { version: 9 })
    await settle()
    const shown = screen.getByLabelText('Your answer') as HTMLTextAreaElement
    expect(shown.value).toBe('Too late?')
    expect(shown.disabled).toBe(true)
    expect(screen.getByText('The facilitator has locked this activity.')).toBeTruthy()

    room.m.locked = false
    room.m.state = { ...room.m.state, version: 10, activity: f.openQuestion }
    FakeSource.all[0].emit('state', { version: 10 })
    await settle()
    expect([...room.entries.values()].map((e) => e.text)).toEqual(['Too late?'])
    expect(screen.getByRole('status').textContent).toBe('Saved')
  })
})
