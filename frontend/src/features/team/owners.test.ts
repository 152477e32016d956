import { describe, expect, it } from 'vitest'
import { defaultOwner, noTeam, ownerChoices, ownerText } from './owners'

const shared = { shared: true, me: 'Ben', people: ['Ana', 'Ben'] }

describe('owners', () => {
  it('offers nobody in particular, then the teammates with me marked', () => {
    expect(ownerChoices(shared)).toEqual([
      { value: '', label: 'Nobody in particular' },
      { value: 'Ana', label: 'Ana' },
      { value: 'Ben', label: 'Ben (you)' },
    ])
  })

  it('keeps an owner who left the team as a choice, once', () => {
    expect(ownerChoices(shared, 'Cleo').map((c) => c.label)).toEqual([
      'Nobody in particular',
      'Ana',
      'Ben (you)',
      'Cleo (not in the team)',
    ])
    expect(ownerChoices(shared, 'Ana')).toHaveLength(3)
  })

  it('gives a new follow-up to me on a shared board only', () => {
    expect(defaultOwner(shared)).toBe('Ben')
    expect(defaultOwner(noTeam)).toBe('')
    // Shared, but this laptop is not let in yet: nobody in particular.
    expect(defaultOwner({ shared: true, me: '', people: ['Ana'] })).toBe('')
  })

  it('shows an owner, mine marked, and nothing for nobody in particular', () => {
    expect(ownerText('Ben', true)).toBe('Ben (you)')
    expect(ownerText('Ana', false)).toBe('Ana')
    expect(ownerText('', false)).toBe('')
  })
})
