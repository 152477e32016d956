import { afterEach, beforeEach, describe, expect, it, test, vi } from 'vitest'
import { AutosaveQueue, mergeStatus, type SaveState, type SaveStatus } from './autosave'

/** A fake server: records what arrives, answers after `ms`. */
function server(ms = 50) {
  const stored = new Map<string, string>()
  const calls: [string, string][] = []
  const send = (key: string) => (v: unknown) =>
    new Promise<void>((resolve) => {
      calls.push([key, v as string])
      setTimeout(() => {
        stored.set(key, v as string)
        resolve()
      }, ms)
    })
  return { stored, calls, send }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('AutosaveQueue', () => {
  it('debounces: a burst of keystrokes sends only the last value, within 300 ms', async () => {
    const s = server()
    const q = new AutosaveQueue({ delay: 250 })
    for (const v of ['H', 'He', 'Hel', 'Hell', 'Hello']) {
      q.set('notes', v, s.send('notes'))
      await vi.advanceTimersByTimeAsync(40)
    }
    expect(s.calls).toEqual([])
    await vi.advanceTimersByTimeAsync(250)
    expect(s.calls).toEqual([['notes', 'Hello']])
    await vi.advanceTimersByTimeAsync(60)
    expect(s.stored.get('notes')).toBe('Hello')
    expect(q.current.state).toBe('saved')
  })

  it('never waits longer than 300 ms, whatever delay is asked for', async () => {
    const s = server()
    const q = new AutosaveQueue({ delay: 5000 })
    q.set('a', 'x', s.send('a'))
    await vi.advanceTimersByTimeAsync(300)
    expect(s.calls).toEqual([['a', 'x']])
  })

  it('loses no write when typing fast in two fields', async () => {
    const s = server(120)
    const q = new AutosaveQueue({ delay: 100 })
    let a = ''
    let b = ''
    for (let i = 0; i < 30; i++) {
      a += 'a'
      q.set('needs', a, s.send('needs'))
      await vi.advanceTimersByTimeAsync(i % 7 === 0 ? 130 : 20) // pauses let sends start mid-typing
      b += 'b'
      q.set('notes', b, s.send('notes'))
      await vi.advanceTimersByTimeAsync(15)
    }
    const done = q.flush()
    await vi.runAllTimersAsync()
    await done
    expect(s.stored.get('needs')).toBe(a)
    expect(s.stored.get('notes')).toBe(b)
    expect(q.busy).toBe(false)
  })

  it('keeps the sends of one key in order, so an old value never lands last', async () => {
    const order: string[] = []
    let slow = true
    const send = (v: unknown) =>
      new Promise<void>((resolve) => {
        // The first request is slow, the second fast: without ordering the old one would win.
        const ms = slow ? 500 : 10
        slow = false
        setTimeout(() => {
          order.push(v as string)
          resolve()
        }, ms)
      })
    const q = new AutosaveQueue({ delay: 50 })
    q.set('notes', 'old', send)
    await vi.advanceTimersByTimeAsync(60) // "old" is in flight
    q.set('notes', 'new', send)
    await vi.advanceTimersByTimeAsync(60)
    await vi.runAllTimersAsync()
    expect(order).toEqual(['old', 'new'])
  })

  it('flush() sends everything waiting at once and resolves when it is stored', async () => {
    const s = server(30)
    const q = new AutosaveQueue({ delay: 250 })
    q.set('x', '1', s.send('x'))
    q.set('y', '2', s.send('y'))
    const done = q.flush()
    expect(s.calls.map((c) => c[0]).sort()).toEqual(['x', 'y'])
    await vi.advanceTimersByTimeAsync(30)
    await done
    expect(s.stored.get('x')).toBe('1')
    expect(s.stored.get('y')).toBe('2')
    // Nothing is sent twice once the timers run out.
    await vi.runAllTimersAsync()
    expect(s.calls).toHaveLength(2)
  })

  it('reports Saving…, then Saved; an error until a retry succeeds', async () => {
    const seen: SaveStatus['state'][] = []
    let fail = true
    const send = vi.fn(async () => {
      if (fail) throw 'database is locked'
    })
    const q = new AutosaveQueue({ delay: 10, retryDelay: 100, onStatus: (s) => seen.push(s.state) })
    q.set('k', 'v', send)
    expect(q.current.state).toBe('saving')
    await vi.advanceTimersByTimeAsync(15)
    expect(q.current).toEqual({ state: 'error', error: 'database is locked' })
    fail = false
    await vi.advanceTimersByTimeAsync(150)
    expect(send).toHaveBeenCalledTimes(2)
    expect(send).toHaveBeenLastCalledWith('v')
    expect(q.current.state).toBe('saved')
    expect(seen).toEqual(['saving', 'error', 'saved'])
  })

  it('a newer value replaces a failed one instead of retrying the old', async () => {
    const sent: string[] = []
    let fail = true
    const send = async (v: unknown) => {
      sent.push(v as string)
      if (fail) throw new Error('offline')
    }
    const q = new AutosaveQueue({ delay: 10, retryDelay: 1000 })
    q.set('k', 'first', send)
    await vi.advanceTimersByTimeAsync(15)
    fail = false
    q.set('k', 'second', send)
    await vi.runAllTimersAsync()
    expect(sent).toEqual(['first', 'second'])
    expect(q.current.state).toBe('saved')
  })

  it('keeps a value whose retries ran out and sends it on the next flush', async () => {
    let up = false
    const sent: string[] = []
    const send = (v: unknown) => {
      sent.push(v as string)
      return up ? Promise.resolve() : Promise.reject('server is down')
    }
    const q = new AutosaveQueue({ delay: 250 })
    q.set('notes', 'typed during an outage', send)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(q.current.state).toBe('error')
    const tries = sent.length
    expect(q.pending('notes')).toBe('typed during an outage')
    up = true
    await q.flush()
    expect(sent.length).toBe(tries + 1)
    expect(q.current.state).toBe('saved')
  })

  it('cancel drops a waiting value and its retries', async () => {
    const sent: string[] = []
    const send = (v: unknown) => {
      sent.push(v as string)
      return Promise.reject('server is down')
    }
    const q = new AutosaveQueue({ delay: 250 })
    q.set('quote:new1', 'a quote', send)
    await vi.advanceTimersByTimeAsync(300)
    expect(sent).toEqual(['a quote'])
    q.cancel('quote:new1')
    await vi.advanceTimersByTimeAsync(60_000)
    await q.flush()
    expect(sent).toEqual(['a quote'])
    expect(q.current.state).not.toBe('error')
  })
})

describe('mergeStatus', () => {
  test('an error or a save in flight in either queue shows', () => {
    const st = (state: SaveState, error = '') => ({ state, error })
    expect(mergeStatus(st('saved'), st('error', 'x'))).toEqual(st('error', 'x'))
    expect(mergeStatus(st('saving'), st('saved'))).toEqual(st('saving'))
    expect(mergeStatus(st('idle'), st('saved'))).toEqual(st('saved'))
    expect(mergeStatus(st('idle'), st('idle'))).toEqual(st('idle'))
  })
})
