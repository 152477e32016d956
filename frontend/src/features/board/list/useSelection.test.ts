import { describe, expect, it } from 'vitest'
import type { Member } from '../../../api'
import { isSelected, noSelection, selectedCount, setRange, type Selection } from './useSelection'

// Rows 0..9 with ids 100..109; row 5 is not loaded yet.
const row = (i: number) => (i === 5 || i > 9 ? undefined : ({ id: 100 + i } as Member))

describe('selection', () => {
  it('a range selects the loaded rows between two clicks, either way round', () => {
    const s = setRange(noSelection, 7, 3, row, true)
    expect([3, 4, 6, 7].every((i) => isSelected(s, 100 + i))).toBe(true)
    expect(isSelected(s, 102) || isSelected(s, 108)).toBe(false)
    expect(selectedCount(s, 10)).toBe(4)
    const off = setRange(s, 4, 4, row, false)
    expect(isSelected(off, 104)).toBe(false)
    expect(selectedCount(off, 10)).toBe(3)
  })

  it('all that match counts the total less the rows left out', () => {
    const all: Selection = { all: true, except: new Set() }
    expect(selectedCount(all, 10000)).toBe(10000)
    expect(isSelected(all, 9999)).toBe(true)
    const less = setRange(all, 0, 1, row, false)
    expect(less.all && [...less.except]).toEqual([100, 101])
    expect(selectedCount(less, 10000)).toBe(9998)
    const back = setRange(less, 1, 1, row, true)
    expect(isSelected(back, 101)).toBe(true)
    expect(selectedCount(back, 10000)).toBe(9999)
  })
})
