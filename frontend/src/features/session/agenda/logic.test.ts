import { describe, expect, test } from 'vitest'
import { Kind } from '../../../api/activity'
import {
  byDots,
  dotsLeft,
  dotsOn,
  formatSeconds,
  kindLabel,
  maxDots,
  moved,
  moveTarget,
  newActivity,
  parseSeconds,
  planSummary,
  plannedMinutes,
  roles,
  summarizeTask,
} from './logic'

describe('dot budget', () => {
  const votes = [
    { memberId: 1, targetId: 10, value: 2 },
    { memberId: 1, targetId: 11, value: 1 },
    { memberId: 2, targetId: 10, value: 1 },
  ]
  test('dots left per voter', () => {
    expect(dotsLeft(3, votes, 1)).toBe(0)
    expect(dotsLeft(3, votes, 2)).toBe(2)
    expect(dotsLeft(3, votes, 3)).toBe(3)
    expect(dotsLeft(2, votes, 1)).toBe(0) // a smaller budget than used never goes negative
  })
  test('the most a voter may put on a note counts what is there', () => {
    expect(maxDots(3, votes, 1, 10)).toBe(2)
    expect(maxDots(3, votes, 1, 12)).toBe(0)
    expect(maxDots(3, votes, 2, 11)).toBe(2)
    expect(maxDots(5, votes, 2, 10)).toBe(5)
  })
  test('dots on a note from everyone', () => {
    expect(dotsOn(votes, 10)).toBe(3)
    expect(dotsOn(votes, 11)).toBe(1)
    expect(dotsOn(votes, 12)).toBe(0)
  })
})

describe('times typed', () => {
  test.each([
    ['', 0],
    ['  ', 0],
    ['95', 95],
    ['1:35', 95],
    ['0:05', 5],
    ['12:00', 720],
    [' 2:30 ', 150],
  ])('%j is %d seconds', (text, want) => {
    expect(parseSeconds(text)).toBe(want)
  })
  test.each(['1:5', '1:60', 'abc', '-3', '1.5', '1:30:00', '2m'])('%j is refused', (text) => {
    expect(parseSeconds(text)).toBeNull()
  })
  test('formats as m:ss and back', () => {
    expect(formatSeconds(0)).toBe('')
    expect(formatSeconds(95)).toBe('1:35')
    expect(formatSeconds(600)).toBe('10:00')
    expect(parseSeconds(formatSeconds(754))).toBe(754)
  })
})

describe('plan', () => {
  test('planned minutes against the session length', () => {
    const m = plannedMinutes([{ minutes: 45 }, { minutes: 10 }, { minutes: 0 }])
    expect(m).toBe(55)
    expect(planSummary(m, 60)).toEqual({ text: 'Planned 55 of 60 min, 5 to spare', over: false })
    expect(planSummary(m, 50)).toEqual({ text: 'Planned 55 of 50 min, 5 over', over: true })
    expect(planSummary(m, 55)).toEqual({ text: 'Planned 55 of 55 min', over: false })
    expect(planSummary(m, 0).over).toBe(false)
  })
  test('moves stay inside the list', () => {
    expect(moveTarget(0, -1, 3)).toBe(-1)
    expect(moveTarget(2, 1, 3)).toBe(-1)
    expect(moveTarget(1, 1, 3)).toBe(2)
    expect(moved(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a'])
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b'])
  })
  test('a new activity of each kind has a title and only its own roles', () => {
    for (const k of Object.values(Kind)) {
      const a = newActivity(k)
      expect(a.title.trim()).not.toBe('')
      for (const it of a.items) expect(roles[k]).toContain(it.role)
      expect(kindLabel(k)).not.toBe(k)
    }
    expect(newActivity(Kind.Rating).scale).toBe(5)
    expect(newActivity(Kind.JourneyBoard).dots).toBeGreaterThan(0)
  })
})

describe('ranking by dots', () => {
  const note = (id: number, value = 0, text = `n${id}`) => ({ key: `e${id}`, id, text, value })
  test('most dots first, then the more severe, then the first written; no dots, no place', () => {
    const notes = [note(1, 1), note(2, 3), note(3, 2), note(4, 3), note(5, 0, '   ')]
    const votes = [
      { memberId: 1, targetId: 1, value: 2 },
      { memberId: 2, targetId: 3, value: 2 },
      { memberId: 1, targetId: 4, value: 1 },
      { memberId: 2, targetId: 4, value: 2 },
      { memberId: 3, targetId: 5, value: 3 },
    ]
    expect(byDots(notes, votes).map((n) => [n.id, n.dots])).toEqual([
      [4, 3],
      [3, 2],
      [1, 2],
    ])
  })
  test('notes not saved yet have no dots', () => {
    expect(byDots([note(0)], [{ memberId: 1, targetId: 0, value: 1 }])).toEqual([])
  })
})

describe('task summary', () => {
  const e = (kind: string, variantId: number, itemId: number, text: string, value = 0) => ({
    kind,
    variantId,
    itemId,
    text,
    value,
  })
  const entries = [
    e('result', 1, 10, 'success'),
    e('result', 1, 10, 'success'),
    e('result', 1, 10, 'fail'),
    e('result', 2, 10, 'partial'),
    e('result', 1, 11, 'partial'),
    e('seconds', 1, 10, '', 90),
    e('seconds', 1, 10, '', 30),
    e('seconds', 1, 10, '', 0),
    e('seconds', 1, 10, '', 61),
    e('seconds', 2, 10, '', 100),
    e('ease', 1, 10, '', 6),
    e('ease', 1, 10, '', 3),
    e('ease', 1, 10, '', 0),
  ]
  test('counts, median time and mean ease of one variant and task', () => {
    expect(summarizeTask(entries, 1, 10)).toEqual({ success: 2, partial: 0, fail: 1, medianSeconds: 61, meanEase: 4.5 })
    expect(summarizeTask(entries, 2, 10)).toEqual({ success: 0, partial: 1, fail: 0, medianSeconds: 100, meanEase: 0 })
    expect(summarizeTask(entries, 1, 11).partial).toBe(1)
  })
  test('an even number of times takes the middle two', () => {
    expect(summarizeTask([e('seconds', 1, 1, '', 10), e('seconds', 1, 1, '', 21)], 1, 1).medianSeconds).toBe(16)
    expect(summarizeTask([], 1, 1)).toEqual({ success: 0, partial: 0, fail: 0, medianSeconds: 0, meanEase: 0 })
  })
})
