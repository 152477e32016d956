import { describe, expect, it } from 'vitest'
import { liveTally, tallyBar, tallyLean, tallySummary, tallyTotal } from './tally'

const t = (matches: number, partly: number, doesNotMatch: number, unsure: number, noAnswer: number) => ({
  matches,
  partly,
  doesNotMatch,
  unsure,
  noAnswer,
})

describe('tally display', () => {
  it('splits a stacked bar into non-zero parts that fill 100 %', () => {
    const bar = tallyBar(t(1, 1, 1, 0, 0))
    expect(bar.map((p) => p.key)).toEqual(['matches', 'partly', 'doesNotMatch'])
    expect(bar.reduce((s, p) => s + p.percent, 0)).toBe(100)
    expect(tallyBar(t(0, 0, 0, 0, 0))).toEqual([])
    const big = tallyBar(t(3, 0, 0, 0, 4))
    expect(big.find((p) => p.key === 'noAnswer')?.percent).toBe(58)
    expect(big.find((p) => p.key === 'matches')?.percent).toBe(42)
  })

  it('says the tally in words', () => {
    expect(tallySummary(t(3, 1, 0, 0, 2))).toBe('3 matches, 1 partly, 2 no answer yet')
    expect(tallySummary(t(0, 0, 1, 1, 0))).toBe('1 does not match, 1 unsure')
    expect(tallySummary(t(0, 0, 0, 0, 0))).toBe('No stances yet')
    expect(tallyTotal(t(1, 2, 3, 4, 5))).toBe(15)
  })

  it('counts stances live: no-shows left out, the rest without a stance are "no answer yet"', () => {
    const ps = [
      { memberId: 1, state: 'attended' },
      { memberId: 2, state: 'confirmed' },
      { memberId: 3, state: 'no_show' },
      { memberId: 4, state: 'invited' },
      { memberId: 5, state: 'attended' },
    ]
    const stances: Record<number, string> = { 1: 'matches', 2: 'does_not_match', 3: 'matches', 5: 'partly' }
    expect(liveTally(ps, (id) => stances[id] ?? '')).toEqual(t(1, 1, 1, 0, 1))
  })

  it('reads which way the stances lean', () => {
    expect(tallyLean(t(4, 1, 0, 0, 0))).toBe('supports')
    expect(tallyLean(t(0, 1, 3, 0, 0))).toBe('contradicts')
    expect(tallyLean(t(2, 0, 2, 0, 0))).toBe('mixed')
    expect(tallyLean(t(0, 0, 0, 2, 3))).toBe('none')
  })
})
