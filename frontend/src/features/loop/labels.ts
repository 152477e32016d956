// Words and small calculations the follow-ups UI shows. Due times are read
// as written (RFC 3339 with the reminder's zone offset), so a 09:00
// reminder reads 09:00 whatever zone the browser is in.

import { Channel, inOrder, ReminderKind, RepeatUnit, TicklerView } from '../../api/enums'

// The backend's codes (api/enums) in the order the UI offers them.
const K = ReminderKind
export const kinds = inOrder(K, [
  K.CUSTOM,
  K.THANK_YOU,
  K.AFTERTHOUGHTS,
  K.SESSION_FEEDBACK,
  K.SYNTHESIS,
  K.SHARE_BACK,
  K.STAY_IN_TOUCH,
])
const C = Channel
export const channels = inOrder(C, [C.EMAIL, C.MESSAGE, C.CALL, C.MEETING])
const R = RepeatUnit
export const repeatUnits = inOrder(R, [R.NONE, R.DAY, R.WEEK, R.MONTH])
const V = TicklerView
export const views = inOrder(V, [V.OVERDUE, V.TODAY, V.WEEK, V.LATER, V.DONE])
/** A view as the route names it. */
export type View = `${TicklerView}`

/** Template keys, and the placeholders a template may use (backend/loop/drafts.go). */
export const templateKeys = ['thank_you', 'afterthoughts', 'session_feedback', 'share_back', 'stay_in_touch'] as const
export const placeholders = [
  { code: '{{member}}', means: 'the member’s full name' },
  { code: '{{first_name}}', means: 'the first word of their name' },
  { code: '{{session}}', means: 'the session as participants know it: “our session on 2 March 2026”' },
  { code: '{{session_title}}', means: 'the session’s own title (internal; only where you choose it)' },
  { code: '{{you_said}}', means: 'what they said (quotes and stances)' },
  { code: '{{what_changed}}', means: 'what we tell participants about the verdict or decision' },
  { code: '{{team}}', means: 'the team name from the settings' },
] as const

const words: Record<string, string> = {
  custom: 'Reminder',
  thank_you: 'Thank-you',
  afterthoughts: 'Afterthoughts',
  session_feedback: 'Session feedback',
  synthesis: 'Team synthesis',
  share_back: 'Share-back',
  stay_in_touch: 'Stay in touch',
  email: 'Email',
  message: 'Message',
  call: 'Call',
  meeting: 'Meeting',
  none: 'No contact logged',
  overdue: 'Overdue',
  today: 'Today',
  week: 'This week',
  later: 'Later',
  done: 'Done',
}

/** A code as the UI says it: "thank_you" -> "Thank-you". */
export function loopWord(code: string): string {
  if (words[code]) return words[code]
  const s = code.replace(/_/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** "every 2 weeks", "every month"; "" for a one-off (as backend/loop/recur.go writes it). */
export function repeatLabel(unit: string, every: number): string {
  if (!unit) return ''
  if (every <= 1) return `every ${unit}`
  return `every ${every} ${unit}s`
}

/** The wall-clock parts of an RFC 3339 time, as written: no zone conversion. */
export function wallParts(iso: string): { date: string; time: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(iso)
  return m ? { date: m[1], time: m[2] } : null
}

/** The value of an <input type="datetime-local"> for a due time. */
export function toLocalInput(iso: string): string {
  const p = wallParts(iso)
  return p ? `${p.date}T${p.time}` : ''
}

/** Whole days from a to b, both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  const d = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)))
  return Math.round((d(b) - d(a)) / 86_400_000)
}

const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
const yearFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

function dateWords(date: string, today: string): string {
  const n = daysBetween(today, date)
  if (n === 0) return 'Today'
  if (n === 1) return 'Tomorrow'
  if (n === -1) return 'Yesterday'
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))))
  return date.slice(0, 4) === today.slice(0, 4) ? dayFmt.format(d) : yearFmt.format(d)
}

/** "Today, 16:00", "Tomorrow, 09:00", "Mon, 12 Jan, 09:00"; today is YYYY-MM-DD. */
export function dueLabel(iso: string, today: string): string {
  const p = wallParts(iso)
  if (!p) return iso
  return `${dateWords(p.date, today)}, ${p.time}`
}

/** "3 days overdue", "1 day overdue", or "" when not overdue. */
export function overdueLabel(iso: string, today: string): string {
  const p = wallParts(iso)
  if (!p) return ''
  const n = daysBetween(p.date, today)
  return n > 0 ? `${n} ${n === 1 ? 'day' : 'days'} overdue` : ''
}

export type SnoozePreset = 'later_today' | 'tomorrow' | 'next_week'

const pad = (n: number) => String(n).padStart(2, '0')
const hm = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' })

const sameDate = (a: Date, b: Date) => a.toDateString() === b.toDateString()
const atHourOf = (d: Date, days: number, hour: number) =>
  new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, hour, 0, 0, 0)

/** When a snooze counts from: the later of now and the due time, so no option moves a reminder earlier. */
export function snoozeBase(now: Date, dueAt: string): Date {
  const due = new Date(dueAt)
  return Number.isNaN(due.getTime()) || due <= now ? now : due
}

/**
 * The snooze presets with when each ends, for the menu to say. The backend
 * does the snoozing (in the app's zone); this mirrors its rules: each
 * counts from the later of now and the due time; later today = 3 hours
 * after that, offered only for a reminder due by today; tomorrow (the day
 * after) and next week (the Monday after) at the due hour. A reminder due
 * tomorrow at 09:00 is offered "A day later" and "Next week", never a time
 * today.
 */
export function snoozeOptions(
  now: Date,
  dueHour: number,
  dueAt = '',
): { preset: SnoozePreset; label: string; when: string; at: Date }[] {
  const base = snoozeBase(now, dueAt)
  const later = new Date(base.getTime() + 3 * 3_600_000)
  const next = atHourOf(base, 1, dueHour)
  const monday = atHourOf(base, (8 - base.getDay()) % 7 || 7, dueHour)
  const tomorrow = sameDate(next, atHourOf(now, 1, 0))
  const nextMonday = sameDate(monday, atHourOf(now, (8 - now.getDay()) % 7 || 7, 0))
  const options = [
    {
      preset: 'later_today' as const,
      label: 'Later today',
      when: sameDate(later, now) ? hm(later) : `${weekday.format(later)}, ${hm(later)}`,
      at: later,
    },
    {
      preset: 'tomorrow' as const,
      label: tomorrow ? 'Tomorrow' : 'A day later',
      when: tomorrow ? hm(next) : `${weekday.format(next)}, ${hm(next)}`,
      at: next,
    },
    {
      preset: 'next_week' as const,
      label: nextMonday ? 'Next week' : 'The week after',
      when: `${weekday.format(monday)}, ${hm(monday)}`,
      at: monday,
    },
  ]
  // Later today is for what is due by today (the backend refuses it for a reminder due on a later day).
  return options.filter((o) => o.preset !== 'later_today' || sameDate(base, now))
}

/** A date as a datetime-local value. */
export function localInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The day after base at the due hour, as a datetime-local value: the default of "pick a date and time". */
export function defaultUntil(base: Date, dueHour: number): string {
  return localInput(atHourOf(base, 1, dueHour))
}

/** The loop-closure rate as a whole percentage: 0.666 -> "67%". */
export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`
}

/** The text Copy puts on the clipboard: subject line, blank line, body. */
export function draftText(d: { to?: string; subject: string; body: string }): string {
  return `${d.to ? `To: ${d.to}\n` : ''}Subject: ${d.subject}\n\n${d.body}`
}
