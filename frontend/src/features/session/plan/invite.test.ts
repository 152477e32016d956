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
  it('keeps every script: the link decodes to the very subject and body', () => {
    const texts = [
      'Ça coûte 12 € à São Paulo',
      'Größere Äpfel für die Straße',
      '我们每周订货，价格表是PDF。',
      '山田 花子「毎週ほぼ同じ四十品目です。」',
      '처음엔 혼자 해 보고 싶어요.',
      'إذا وصل أول طلب صحيحًا، سأبقى.',
      'ההזמנה הראשונה הגיעה בזמן, תודה!',
      'ราคาจากตลาดเปลี่ยนทุกเช้า',
      'पहला ऑर्डर सही आया तो भरोसा हो जाएगा।',
      'Family order 👨‍👩‍👧‍👦 for 🏳️‍🌈 week',
      '𠮷野家の𠮷',
      'Like ليلى حداد said (twice): “the first order, #1, matters”.',
    ]
    const body = texts.join('\n')
    const url = mailtoURL(['ليلى@x.example'], { subject: texts.join(' & '), body })
    expect(url).toMatch(/^[\x21-\x7e]+$/)
    const q = new URLSearchParams(url.slice(url.indexOf('?') + 1).replace(/\+/g, '%2B'))
    expect(q.get('subject')).toBe(texts.join(' & '))
    expect(q.get('body')).toBe(body.replace(/\n/g, '\r\n'))
    expect(decodeURIComponent(url.slice('mailto:'.length, url.indexOf('?')))).toBe('ليلى@x.example')
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
