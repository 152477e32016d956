import { describe, expect, test } from 'vitest'
import { mergeEntries, type LocalEntry } from './entries'

const e = (p: Partial<LocalEntry> & { key: string }): LocalEntry => ({
  id: 0,
  activityId: 7,
  itemId: 70,
  variantId: 0,
  targetId: 0,
  memberId: 1,
  kind: 'note',
  text: '',
  value: 0,
  hidden: false,
  ...p,
})
const none = () => false

describe('mergeEntries', () => {
  test('a note written in the room arrives; a changed one takes the new words', () => {
    const local = [e({ key: 'e1', id: 1, text: 'old' })]
    const remote = [
      e({ key: 'e1', id: 1, text: 'edited on a phone' }),
      e({ key: 'e2', id: 2, memberId: 2, text: 'new' }),
    ]
    const out = mergeEntries(local, remote, none)
    expect(out.map((x) => [x.key, x.text])).toEqual([
      ['e1', 'edited on a phone'],
      ['e2', 'new'],
    ])
  })

  test('what is typed here and not saved yet wins, and keeps its key', () => {
    const local = [
      e({ key: 'new1', id: 5, text: 'typing here' }),
      e({ key: 's:7:answer:70:0:0:1', id: 0, kind: 'answer', text: 'mine' }),
    ]
    const remote = [
      e({ key: 'e5', id: 5, text: 'older copy', hidden: true }),
      e({ key: 's:7:answer:70:0:0:1', id: 9, kind: 'answer', text: 'from the phone' }),
    ]
    const out = mergeEntries(local, remote, () => true)
    expect(out).toEqual([
      e({ key: 'new1', id: 5, text: 'typing here', hidden: true }),
      e({ key: 's:7:answer:70:0:0:1', id: 9, kind: 'answer', text: 'mine' }),
    ])
  })

  test('a saved note gone from the server was deleted; an unsaved one stays; a note deleted here stays away', () => {
    const local = [e({ key: 'e1', id: 1, text: 'deleted on a phone' }), e({ key: 'new2', text: '' })]
    const remote = [e({ key: 'e3', id: 3, text: 'being deleted here' })]
    expect(mergeEntries(local, remote, none, new Set([3])).map((x) => x.key)).toEqual(['new2'])
  })

  test('a reaction taken back here and not saved yet does not come back', () => {
    const remote = [e({ key: 'r:7:1:confusion', id: 4, kind: 'reaction', text: 'confusion' })]
    expect(mergeEntries([], remote, (k) => k === 'r:7:1:confusion')).toEqual([])
    expect(mergeEntries([], remote, none)).toHaveLength(1)
  })
})
