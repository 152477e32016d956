import { describe, expect, test } from 'vitest'
import type { Entry } from '../../../api/activity'
import { fromEntries, keyOf, reactionCounts, slotKey } from './entries'

const entry = (p: Partial<Entry>): Entry => ({
  id: 1,
  sessionId: 1,
  activityId: 7,
  itemId: 0,
  variantId: 0,
  targetId: 0,
  memberId: 0,
  member: '',
  kind: 'note',
  text: '',
  value: 0,
  hidden: false,
  themes: [],
  createdAt: '',
  updatedAt: '',
  ...p,
})

describe('entry keys', () => {
  test('a slot entry from the server has the key the run view types into', () => {
    const e = entry({ id: 40, kind: 'result', itemId: 3, variantId: 2, memberId: 5, text: 'success' })
    expect(keyOf(e)).toBe(slotKey({ activityId: 7, kind: 'result', itemId: 3, variantId: 2, memberId: 5 }))
    const v = entry({ id: 41, kind: 'vote', targetId: 9, memberId: 5, value: 2 })
    expect(keyOf(v)).toBe(slotKey({ activityId: 7, kind: 'vote', targetId: 9, memberId: 5 }))
  })
  test('notes, ideas and quotes go by their id; a preference by its member, whatever the variant', () => {
    expect(keyOf(entry({ id: 12, kind: 'note' }))).toBe('e12')
    expect(keyOf(entry({ id: 13, kind: 'quote' }))).toBe('e13')
    expect(keyOf(entry({ kind: 'preference', memberId: 5, variantId: 2 }))).toBe(
      keyOf(entry({ kind: 'preference', memberId: 5, variantId: 3 })),
    )
  })
  test('reactions are one per member and text', () => {
    const list = fromEntries([
      entry({ id: 1, kind: 'reaction', memberId: 5, text: 'confusion' }),
      entry({ id: 2, kind: 'reaction', memberId: 6, text: 'confusion' }),
      entry({ id: 3, kind: 'reaction', memberId: 5, text: 'excitement' }),
      entry({ id: 4, kind: 'reaction', activityId: 8, memberId: 5, text: 'confusion' }),
    ])
    expect(list).toHaveLength(4)
    expect(reactionCounts(list, 7)).toEqual({ confusion: 2, excitement: 1 })
    expect(reactionCounts(list, 8)).toEqual({ confusion: 1 })
    expect(reactionCounts(list, 9)).toEqual({})
  })
})
