// The reminder form's values and their mapping to and from the backend.
import type { Reminder, ReminderInput } from '../../api/loop'
import { toLocalInput } from './labels'

export interface FormValues {
  title: string
  body: string
  kind: string
  channel: string
  dueAt: string // datetime-local
  timeZone: string // kept from the reminder; "" = the app's zone
  repeat: boolean
  repeatEvery: number
  repeatUnit: 'day' | 'week' | 'month'
  memberId: number
  member: string
  sessionId: number
  decisionId: number
  assumptionId: number
  /** Who follows it up: a teammate's name on a shared board, "" = nobody in particular. */
  owner: string
}

export function blankForm(dueAt: string, owner = ''): FormValues {
  return {
    title: '',
    body: '',
    kind: 'custom',
    channel: 'email',
    dueAt,
    timeZone: '',
    repeat: false,
    repeatEvery: 1,
    repeatUnit: 'week',
    memberId: 0,
    member: '',
    sessionId: 0,
    decisionId: 0,
    assumptionId: 0,
    owner,
  }
}

export function fromReminder(r: Reminder): FormValues {
  return {
    title: r.title,
    body: r.body,
    kind: r.kind,
    channel: r.channel,
    dueAt: toLocalInput(r.dueAt),
    timeZone: r.timeZone,
    repeat: !!r.repeatUnit,
    repeatEvery: r.repeatEvery || 1,
    repeatUnit: (r.repeatUnit || 'week') as FormValues['repeatUnit'],
    memberId: r.memberId,
    member: r.member,
    sessionId: r.sessionId,
    decisionId: r.decisionId,
    assumptionId: r.assumptionId,
    owner: r.owner,
  }
}

export function toInput(v: FormValues, templateKey = ''): ReminderInput {
  return {
    title: v.title,
    body: v.body,
    kind: v.kind,
    channel: v.channel,
    templateKey,
    dueAt: v.dueAt,
    timeZone: v.timeZone,
    repeatUnit: v.repeat ? v.repeatUnit : '',
    repeatEvery: v.repeat ? Math.max(1, Math.floor(v.repeatEvery) || 1) : 0,
    memberId: v.memberId,
    sessionId: v.sessionId,
    assumptionId: v.assumptionId,
    decisionId: v.decisionId,
    owner: v.owner,
  }
}
