import { describe, expect, it } from 'vitest'
import {
  daysBetween,
  defaultUntil,
  draftText,
  dueLabel,
  loopWord,
  overdueLabel,
  percent,
  repeatLabel,
  snoozeBase,
  snoozeOptions,
  toLocalInput,
  wallParts,
} from './labels'

describe('recurrence labels', () => {
  it('reads like the backend writes it', () => {
    expect(repeatLabel('', 0)).toBe('')
    expect(repeatLabel('week', 1)).toBe('every week')
    expect(repeatLabel('week', 2)).toBe('every 2 weeks')
    expect(repeatLabel('month', 3)).toBe('every 3 months')
    expect(repeatLabel('day', 0)).toBe('every day')
  })
})

describe('due times', () => {
  it('are read as written, without converting zones', () => {
    expect(wallParts('2026-03-09T09:00:00-04:00')).toEqual({ date: '2026-03-09', time: '09:00' })
    expect(toLocalInput('2026-03-09T23:30:00+01:00')).toBe('2026-03-09T23:30')
    expect(toLocalInput('nonsense')).toBe('')
  })
  it('say today, tomorrow and yesterday in words', () => {
    expect(dueLabel('2026-03-09T16:00:00+01:00', '2026-03-09')).toBe('Today, 16:00')
    expect(dueLabel('2026-03-10T09:00:00+01:00', '2026-03-09')).toBe('Tomorrow, 09:00')
    expect(dueLabel('2026-03-08T09:00:00+01:00', '2026-03-09')).toBe('Yesterday, 09:00')
    expect(dueLabel('2026-03-20T09:00:00+01:00', '2026-03-09')).toMatch(/20.*09:00$/)
    expect(dueLabel('2027-01-02T09:00:00Z', '2026-03-09')).toMatch(/2027/)
  })
  it('count days overdue across month ends', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3)
    expect(overdueLabel('2026-02-28T09:00:00Z', '2026-03-01')).toBe('1 day overdue')
    expect(overdueLabel('2026-02-27T09:00:00Z', '2026-03-01')).toBe('2 days overdue')
    expect(overdueLabel('2026-03-01T08:00:00Z', '2026-03-01')).toBe('')
  })
})

describe('snooze options', () => {
  it('mirror the backend: +3 hours, tomorrow and next Monday at the due hour', () => {
    const wed = new Date(2026, 2, 4, 14, 30) // Wednesday
    const [later, tomorrow, week] = snoozeOptions(wed, 9)
    expect(later).toMatchObject({ preset: 'later_today', when: '17:30' })
    expect(tomorrow).toMatchObject({ preset: 'tomorrow', when: '09:00' })
    expect(week.preset).toBe('next_week')
    expect(week.when).toMatch(/9.*09:00$/) // Mon 9 Mar
  })
  it('go to the next Monday from a Sunday and a full week from a Monday', () => {
    expect(snoozeOptions(new Date(2026, 2, 8, 10, 0), 8)[2].when).toMatch(/9.*08:00$/)
    expect(snoozeOptions(new Date(2026, 2, 9, 10, 0), 8)[2].when).toMatch(/16.*08:00$/)
  })
  it('name the day when later today runs past midnight', () => {
    expect(snoozeOptions(new Date(2026, 2, 4, 22, 15), 9)[0].when).toMatch(/5.*01:15$/)
  })
  it('never offer a time before the due time: due tomorrow 09:00, at 18:00 today', () => {
    const wed18 = new Date(2026, 2, 4, 18, 0)
    const due = new Date(2026, 2, 5, 9, 0).toISOString()
    const options = snoozeOptions(wed18, 9, due)
    expect(options.map((o) => o.preset)).toEqual(['tomorrow', 'next_week'])
    expect(options.map((o) => o.label)).toEqual(['A day later', 'Next week'])
    expect(options[0].when).toMatch(/6.*09:00$/) // Fri 6 Mar, the day after the due day
    for (const o of options) expect(o.at.getTime()).toBeGreaterThan(new Date(due).getTime())
  })
  it('count from the due time when it is later today, and from now when overdue', () => {
    const wed14 = new Date(2026, 2, 4, 14, 0)
    const evening = snoozeOptions(wed14, 9, new Date(2026, 2, 4, 19, 0).toISOString())
    expect(evening.map((o) => `${o.label} ${o.when}`).slice(0, 2)).toEqual(['Later today 22:00', 'Tomorrow 09:00'])
    const overdue = snoozeOptions(wed14, 9, new Date(2026, 1, 20, 9, 0).toISOString())
    expect(overdue.map((o) => o.when).slice(0, 2)).toEqual(['17:00', '09:00'])
    // Due in two weeks: the Monday after that, not next week.
    const far = snoozeOptions(wed14, 9, new Date(2026, 2, 18, 9, 0).toISOString())
    expect(far.map((o) => o.label)).toEqual(['A day later', 'The week after'])
    expect(far[1].when).toMatch(/23.*09:00$/)
  })
  it('default a picked time to the day after the due time', () => {
    expect(defaultUntil(snoozeBase(new Date(2026, 2, 4, 18, 0), new Date(2026, 2, 5, 9, 0).toISOString()), 9)).toBe(
      '2026-03-06T09:00',
    )
    expect(defaultUntil(snoozeBase(new Date(2026, 2, 4, 18, 0), ''), 8)).toBe('2026-03-05T08:00')
  })
})

describe('words and drafts', () => {
  it('shows codes as words', () => {
    expect(loopWord('thank_you')).toBe('Thank-you')
    expect(loopWord('week')).toBe('This week')
    expect(loopWord('something_new')).toBe('Something new')
    expect(percent(2 / 3)).toBe('67%')
    expect(percent(0)).toBe('0%')
  })
  it('copies a draft as To, Subject and body', () => {
    expect(draftText({ to: 'zoe@example.com', subject: 'Thanks', body: 'Hi Zoë,\n\nthank you.' })).toBe(
      'To: zoe@example.com\nSubject: Thanks\n\nHi Zoë,\n\nthank you.',
    )
    expect(draftText({ to: '', subject: 'S', body: 'B' })).toBe('Subject: S\n\nB')
  })
})
