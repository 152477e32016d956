import { describe, expect, it } from 'vitest'
import {
  daysBetween,
  draftText,
  dueLabel,
  loopWord,
  overdueLabel,
  percent,
  repeatLabel,
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
