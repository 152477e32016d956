import { describe, expect, it } from 'vitest'
import { clock, lineKey, selected } from './lines'

const lines = [{ speakerId: 1 }, { speakerId: 2 }, { speakerId: 2 }, { speakerId: 3 }]

describe('clock', () => {
  it('prints m:ss under an hour and h:mm:ss from an hour', () => {
    expect(clock(0)).toBe('0:00')
    expect(clock(70_500)).toBe('1:10')
    expect(clock(3_725_000)).toBe('1:02:05')
  })
})

describe('selected', () => {
  it('is the range between anchor and caret, either way round', () => {
    expect(selected({ anchor: 2, active: 2 })).toEqual([2])
    expect(selected({ anchor: 3, active: 1 })).toEqual([1, 2, 3])
  })
})

describe('lineKey', () => {
  const at = (i: number) => ({ anchor: i, active: i })
  it('moves with arrows and j/k, and stops at the ends', () => {
    expect(lineKey('ArrowDown', false, at(0), lines, 2)).toEqual({ kind: 'move', to: 1 })
    expect(lineKey('k', false, at(0), lines, 2)).toEqual({ kind: 'move', to: 0 })
    expect(lineKey('j', false, at(3), lines, 2)).toEqual({ kind: 'move', to: 3 })
    expect(lineKey('End', false, at(0), lines, 2)).toEqual({ kind: 'move', to: 3 })
  })
  it('extends over lines of the same speaker only', () => {
    expect(lineKey('ArrowDown', true, at(1), lines, 2)).toEqual({ kind: 'extend', to: 2 })
    expect(lineKey('ArrowDown', true, { anchor: 1, active: 2 }, lines, 2)).toEqual({ kind: 'none' })
    expect(lineKey('ArrowDown', true, at(0), lines, 2)).toEqual({ kind: 'none' })
  })
  it('quotes with q or Enter, an excerpt with e, and picks a target by digit within range', () => {
    expect(lineKey('q', false, at(1), lines, 2)).toEqual({ kind: 'quote' })
    expect(lineKey('Enter', false, at(1), lines, 2)).toEqual({ kind: 'quote' })
    expect(lineKey('e', false, at(1), lines, 2)).toEqual({ kind: 'excerpt' })
    expect(lineKey('0', false, at(1), lines, 2)).toEqual({ kind: 'target', index: 0 })
    expect(lineKey('2', false, at(1), lines, 2)).toEqual({ kind: 'target', index: 2 })
    expect(lineKey('3', false, at(1), lines, 2)).toEqual({ kind: 'none' })
  })
  it('does nothing in an empty list', () => {
    expect(lineKey('j', false, at(0), [], 2)).toEqual({ kind: 'none' })
  })
})
