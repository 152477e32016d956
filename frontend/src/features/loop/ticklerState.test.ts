import { describe, expect, it } from 'vitest'
import type { TicklerView } from '../../api/enums'
import type { Reminder, Tickler } from '../../api/loop'
import { initialTickler, itemKey, nextQuery, PAGE, shownLabel, ticklerReducer, viewOf } from './ticklerState'

const rem = (id: number, extra: Partial<Reminder> = {}) =>
  ({ id, title: `R${id}`, virtual: false, memberId: 0, ...extra }) as Reminder
const counts = { overdue: 2, today: 3, week: 0, later: 12000, done: 1, badge: 5 }
const page = (view: string, items: Reminder[], total = items.length): Tickler => ({
  view: view as TicklerView,
  counts,
  items,
  total,
  today: '2026-03-09',
})

describe('tickler view state', () => {
  it('reads the view from the route, today by default', () => {
    expect(viewOf('later')).toBe('later')
    expect(viewOf(undefined)).toBe('today')
    expect(viewOf('templates')).toBe('today')
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
})
