import { describe, expect, it } from 'vitest'
import { Tone, UsageFrequency } from '../../../api/enums'
import { greet, mailtoURL } from './InvitationPanel'
import { fitSignals, matches } from './ParticipantPicker'

describe('mailtoURL', () => {
  it('puts everyone in BCC, keeps addresses readable and encodes spaces and line breaks', () => {
    const url = mailtoURL([], { bcc: 'zoë@x.example,a+b@y.example', subject: 'Hi & welcome', body: 'Line 1\nLine 2' })
    expect(url).toBe(
      'mailto:?bcc=zo%C3%AB@x.example,a%2Bb@y.example&subject=Hi%20%26%20welcome&body=Line%201%0D%0ALine%202',
    )
  })
  it('addresses one person and leaves out empty fields', () => {
    expect(mailtoURL(['kim@x.example'], { bcc: '', subject: 'S' })).toBe('mailto:kim@x.example?subject=S')
  })
})

describe('greet', () => {
  it('greets one person by first name', () => {
    expect(greet('Hello,\n\nWe would like', 'Zoë')).toBe('Hi Zoë,\n\nWe would like')
    expect(greet('Hello,\n\nWe would like', '山田 花子')).toBe('Hi 山田 花子,\n\nWe would like')
    expect(greet('Hello,', ' ')).toBe('Hello,')
    expect(greet('Dear all,', 'Zoë')).toBe('Dear all,')
  })
})

describe('picker', () => {
  it('says how a member fits in a few words', () => {
    expect(fitSignals({ usage: UsageFrequency.DAILY, articulation: 5, tone: Tone.TOO_AGREEABLE })).toBe(
      'Uses daily · articulate 5/5 · Too agreeable',
    )
    expect(fitSignals({ usage: UsageFrequency.NONE, articulation: 0, tone: Tone.NONE })).toBe('')
  })
  it('matches every search word in name, company or segment', () => {
    const c = { name: 'Zoë Durand', company: 'Atelier Durand', segment: 'Independent retailers' }
    expect(matches(c, '')).toBe(true)
    expect(matches(c, 'zoë retail')).toBe(true)
    expect(matches(c, 'zoë cafés')).toBe(false)
  })
})
