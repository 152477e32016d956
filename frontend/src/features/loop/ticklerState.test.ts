import { describe, expect, it } from 'vitest'
import type { TicklerView } from '../../api/enums'
import type { Reminder, Tickler } from '../../api/loop'
import {
  chainSteps,
  entries,
  initialTickler,
  itemKey,
  nextQuery,
  PAGE,
  shownLabel,
  ticklerReducer,
  viewOf,
} from './ticklerState'

const rem = (id: number, extra: Partial<Reminder> = {}) =>
  ({ id, title: `R${id}`, virtual: false, memberId: 0, ...extra }) as Reminder
const counts = { overdue: 2, today: 3, week: 0, later: 12000, done: 1, badge: 5 }
const page = (view: string, items: Reminder[], total = items.length, chains: Tickler['chains'] = []): Tickler => ({
  view: view as TicklerView,
  counts,
  items,
  total,
  today: '2026-03-09',
  chains,
})

describe('tickler view state', () => {
  it('reads the view from the route; none lets the backend pick', () => {
    expect(viewOf('later')).toBe('later')
    expect(viewOf(undefined)).toBeNull()
    expect(viewOf('templates')).toBeNull()
  })
  it('opens on the view the backend picked and keeps it for reloads', () => {
    let s = initialTickler(null)
    expect(nextQuery(s, false)).toEqual({ view: '', limit: PAGE, offset: 0 })
    s = ticklerReducer(s, { type: 'loaded', page: page('overdue', [rem(1)]), append: false })
    expect(s.view).toBe('overdue')
    expect(nextQuery(s, false).view).toBe('overdue')
    // The user's choice wins: an answer for the picked view that comes late is dropped.
    s = ticklerReducer(s, { type: 'view', view: 'today' })
    expect(s).toMatchObject({ view: 'today', epoch: 1, items: [] })
    s = ticklerReducer(s, { type: 'loaded', page: page('overdue', [rem(1)]), append: false })
    expect(s.items).toEqual([])
  })
  it('loads a page, then appends the next without repeats', () => {
    let s = initialTickler('later')
    s = ticklerReducer(s, { type: 'loaded', page: page('later', [rem(1), rem(2)], 12000), append: false })
    expect(s.items.map((r) => r.id)).toEqual([1, 2])
    expect(s.loading).toBe(false)
    expect(shownLabel(s)).toMatch(/^Showing 2 of 12.000$/)
    s = ticklerReducer(s, { type: 'loaded', page: page('later', [rem(2), rem(3)], 12000), append: true })
    expect(s.items.map((r) => r.id)).toEqual([1, 2, 3])
    expect(nextQuery(s, true)).toEqual({ view: 'later', limit: PAGE, offset: 3 })
    // A refresh after a change keeps as many rows as are shown, from the top.
    expect(nextQuery(s, false)).toEqual({ view: 'later', limit: PAGE, offset: 0 })
  })
  it('keys virtual stay-in-touch items by member, since their id is 0', () => {
    expect(itemKey(rem(0, { virtual: true, memberId: 7 }))).toBe('m7')
    expect(itemKey(rem(4))).toBe('r4')
    let s = initialTickler('today')
    s = ticklerReducer(s, {
      type: 'loaded',
      page: page('today', [rem(0, { virtual: true, memberId: 7 }), rem(0, { virtual: true, memberId: 8 })]),
      append: false,
    })
    s = ticklerReducer(s, {
      type: 'loaded',
      page: page('today', [rem(0, { virtual: true, memberId: 8 })]),
      append: true,
    })
    expect(s.items).toHaveLength(2)
  })
  it('drops answers for a view left meanwhile and resets on a new view', () => {
    let s = ticklerReducer(initialTickler('today'), { type: 'loaded', page: page('today', [rem(1)]), append: false })
    s = ticklerReducer(s, { type: 'view', view: 'done' })
    expect(s).toMatchObject({ view: 'done', items: [], loading: true })
    s = ticklerReducer(s, { type: 'loaded', page: page('today', [rem(9)]), append: false })
    expect(s.items).toEqual([])
    s = ticklerReducer(s, { type: 'failed', error: 'boom' })
    expect(s).toMatchObject({ loading: false, error: 'boom' })
    expect(shownLabel({ items: [rem(1)], total: 1 })).toBe('')
  })
  it('groups two or more reminders of a session chain where the first stands', () => {
    const chain = (id: number, sessionId: number, kind: string, memberId = 0, origin = 'chain') =>
      rem(id, { sessionId, session: `S${sessionId}`, kind, memberId, origin } as Partial<Reminder>)
    const items = [
      chain(1, 7, 'thank_you', 11),
      rem(2),
      chain(3, 7, 'synthesis'),
      chain(4, 7, 'thank_you', 12),
      chain(5, 8, 'thank_you', 11), // a chain's lone reminder stays a card
      chain(6, 7, 'share_back', 11, 'share_back'), // a share-back from the ledger is not the chain
    ]
    const e = entries(items)
    expect(e.map((x) => (x.type === 'one' ? x.key : `${x.key}:${x.items.map((r) => r.id).join(',')}`))).toEqual([
      's7:1,3,4',
      'r2',
      'r5',
      'r6',
    ])
    const group = e[0]
    if (group.type !== 'chain') throw new Error('not a group')
    expect(chainSteps(group.items).map((s) => `${s.kind}×${s.items.length}`)).toEqual(['thank_you×2', 'synthesis×1'])
  })
  it('keeps the chain counts of earlier pages when appending', () => {
    const c7 = { sessionId: 7, done: 1, open: 2, overdue: 2 }
    let s = ticklerReducer(initialTickler('later'), {
      type: 'loaded',
      page: page('later', [rem(1)], 9, [c7]),
      append: false,
    })
    s = ticklerReducer(s, {
      type: 'loaded',
      page: page('later', [rem(2)], 9, [
        { sessionId: 8, done: 0, open: 3, overdue: 0 },
        { ...c7, done: 2 },
      ]),
      append: true,
    })
    expect(s.chains.map((c) => `${c.sessionId}:${c.done}`).sort()).toEqual(['7:2', '8:0'])
  })
})
