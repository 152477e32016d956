import { beforeEach, describe, expect, it } from 'vitest'
import { PendingQueue, type Op, type Outcome } from './queue'

const post = (key: string, text: string, activityId = 1): Op => ({
  key,
  activityId,
  method: 'POST',
  body: { key, activityId, kind: 'answer', itemId: 7, text },
})

/** A server stand-in: answers each send with the next scripted outcome (ok when none is left). */
function server() {
  const sent: Op[] = []
  const script: (Outcome | 'throw')[] = []
  const send = async (op: Op): Promise<Outcome> => {
    sent.push(structuredClone(op))
    const next = script.shift() ?? { kind: 'ok' }
    if (next === 'throw') throw new TypeError('Failed to fetch')
    return next
  }
  return { sent, script, send }
}

describe('PendingQueue', () => {
  beforeEach(() => localStorage.clear())

  it('sends changes in the order they were first made, the latest text of each key', async () => {
    const s = server()
    const q = new PendingQueue(localStorage, 'q', s.send)
    q.put(post('a', 'one'))
    q.put(post('b', 'two'))
    q.put(post('a', 'one, edited'))
    expect(q.pending().map((o) => o.key)).toEqual(['a', 'b'])
    await q.flush()
    expect(s.sent.map((o) => [o.key, o.body?.text])).toEqual([
      ['a', 'one, edited'],
      ['b', 'two'],
    ])
    expect(q.pending()).toEqual([])
    expect(q.status()).toBe('saved')
  })

  it('keeps a change that failed and resends it with the same key, never twice in the queue', async () => {
    const s = server()
    const q = new PendingQueue(localStorage, 'q', s.send)
    s.script.push('throw')
    q.put(post('a', 'hello'))
    await q.flush()
    expect(q.status()).toBe('offline')
    q.put(post('a', 'hello again'))
    expect(q.pending()).toHaveLength(1)
    await q.flush()
    expect(s.sent.map((o) => o.key)).toEqual(['a', 'a'])
    expect(s.sent[1].body?.text).toBe('hello again')
    expect(q.status()).toBe('saved')
  })

  it('waits on 429 and server trouble, then sends again', async () => {
    const s = server()
    const q = new PendingQueue(localStorage, 'q', s.send)
    s.script.push({ kind: 'retry' })
    q.put(post('a', 'x'))
    q.put(post('b', 'y'))
    await q.flush()
    expect(s.sent.map((o) => o.key)).toEqual(['a'])
    expect(q.pending().map((o) => o.key)).toEqual(['a', 'b'])
    await q.flush()
    expect(s.sent.map((o) => o.key)).toEqual(['a', 'a', 'b'])
  })

  it('survives a reload: a new queue on the same storage has the unsent changes', async () => {
    const s = server()
    s.script.push('throw')
    const q = new PendingQueue(localStorage, 'q', s.send)
    q.put(post('a', 'typed before the phone slept'))
    q.put(post('b', 'and this'))
    await q.flush()

    const again = server()
    const q2 = new PendingQueue(localStorage, 'q', again.send)
    expect(q2.pending().map((o) => o.body?.text)).toEqual(['typed before the phone slept', 'and this'])
    await q2.flush()
    expect(again.sent.map((o) => o.key)).toEqual(['a', 'b'])
    expect(new PendingQueue(localStorage, 'q', again.send).pending()).toEqual([])
  })

  it('puts a change made while its key is on its way after it, and sends both in order', async () => {
    let release: (o: Outcome) => void = () => {}
    const sent: string[] = []
    const q = new PendingQueue(localStorage, 'q', (op) => {
      sent.push(op.body?.text ?? '')
      return sent.length === 1 ? new Promise((r) => (release = r)) : Promise.resolve({ kind: 'ok' })
    })
    q.put(post('a', 'ab'))
    const done = q.flush()
    q.put(post('a', 'abc'))
    q.put(post('a', 'abcd'))
    expect(q.pending().map((o) => o.body?.text)).toEqual(['ab', 'abcd'])
    void q.flush()
    release({ kind: 'ok' })
    await done
    expect(sent).toEqual(['ab', 'abcd'])
    expect(q.pending()).toEqual([])
  })

  it('holds changes refused as locked, shows them, and sends them when the activity opens again', async () => {
    const s = server()
    const q = new PendingQueue(localStorage, 'q', s.send)
    s.script.push({ kind: 'locked' })
    q.put(post('a', 'late words', 4))
    await q.flush()
    expect(q.heldOps().map((o) => o.key)).toEqual(['a'])
    expect(q.pending().map((o) => o.body?.text)).toEqual(['late words'])
    expect(q.status()).toBe('saved')
    q.release(9)
    expect(q.heldOps()).toHaveLength(1)
    q.release(4)
    await q.flush()
    expect(s.sent.map((o) => o.key)).toEqual(['a', 'a'])
    expect(q.pending()).toEqual([])
  })

  it('drops a change the server refused as bad input and says why', async () => {
    const s = server()
    const q = new PendingQueue(localStorage, 'q', s.send)
    s.script.push({ kind: 'refused', message: 'text is longer than 20000 characters' })
    q.put(post('a', 'x'))
    q.put(post('b', 'y'))
    await q.flush()
    expect(q.problem).toBe('text is longer than 20000 characters')
    expect(s.sent.map((o) => o.key)).toEqual(['a', 'b'])
    expect(q.pending()).toEqual([])
  })

  it('stops without losing anything when the token is gone', async () => {
    const s = server()
    const q = new PendingQueue(localStorage, 'q', s.send)
    s.script.push({ kind: 'gone' })
    q.put(post('a', 'x'))
    await q.flush()
    expect(q.pending().map((o) => o.key)).toEqual(['a'])
    expect(q.problem).not.toBe('')
  })

  it('starts empty from damaged storage, and clear() forgets everything', () => {
    localStorage.setItem('q', '{not json')
    const q = new PendingQueue(localStorage, 'q', server().send)
    expect(q.pending()).toEqual([])
    q.put(post('a', 'x'))
    q.clear()
    expect(new PendingQueue(localStorage, 'q', server().send).pending()).toEqual([])
  })
})
