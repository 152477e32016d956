import { describe, expect, it } from 'vitest'
import { AttendeeRole } from '../../../api/sessionExtras'
import { attendeeRoles, money, participantsStamp, rewardable, roleWord, totalsLine } from './extras'

describe('money', () => {
  it('reads cents as units with two decimals and the currency', () => {
    expect(money(2550, 'EUR')).toBe('25.50 EUR')
    expect(money(5, 'USD')).toBe('0.05 USD')
    expect(money(10000, '')).toBe('100.00')
    expect(money(-1050, 'EUR')).toBe('-10.50 EUR')
  })
})

describe('totalsLine', () => {
  const base = { promisedCents: 5000, givenCents: 4000, currency: 'EUR' }
  it('says what is left of the budget', () => {
    expect(totalsLine({ ...base, budgetCents: 10000, remainingCents: 1000 })).toBe(
      'Promised 50.00 EUR · given 40.00 EUR · 10.00 EUR left of 100.00 EUR',
    )
  })
  it('says by how much the budget is exceeded', () => {
    expect(totalsLine({ ...base, budgetCents: 8000, remainingCents: -1000 })).toBe(
      'Promised 50.00 EUR · given 40.00 EUR · 10.00 EUR over the budget of 80.00 EUR',
    )
  })
  it('says when there is no budget', () => {
    expect(totalsLine({ ...base, budgetCents: 0, remainingCents: -9000 })).toBe(
      'Promised 50.00 EUR · given 40.00 EUR · no budget set',
    )
  })
})

describe('attendee roles', () => {
  it('offers every role once, with a word for each', () => {
    expect([...attendeeRoles].sort()).toEqual(Object.values(AttendeeRole).sort())
    expect(attendeeRoles.map(roleWord)).toEqual(['Sales', 'Support', 'Customer success', 'Product', 'Other'])
  })
})

describe('rewardable', () => {
  it('keeps the participants, not people rewarded before they left the session', () => {
    const p = (name: string, state: string) => ({
      memberId: 1,
      name,
      state,
      promisedCents: 0,
      givenCents: 0,
      rewards: [],
    })
    expect(rewardable([p('Ana', 'attended'), p('Ben', 'no_show'), p('Cy', '')]).map((x) => x.name)).toEqual([
      'Ana',
      'Ben',
    ])
  })
})

describe('participantsStamp', () => {
  it('changes with who takes part and their state', () => {
    const a = participantsStamp({ participants: [{ memberId: 1, state: 'invited' }] })
    expect(participantsStamp({ participants: [{ memberId: 1, state: 'no_show' }] })).not.toBe(a)
    expect(participantsStamp({ participants: null })).toBe('')
  })
})
