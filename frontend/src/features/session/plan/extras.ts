// The pure rules of a session's rewards and internal attendees panels.
import { inOrder } from '../../../api/enums'
import { AttendeeRole, type RewardPerson } from '../../../api/sessionExtras'

const R = AttendeeRole
/** The roles in the order the UI offers them (Go's AllAttendeeRoles). */
export const attendeeRoles = inOrder(R, [R.SALES, R.SUPPORT, R.SUCCESS, R.PRODUCT, R.OTHER])

const roleWords: Record<string, string> = {
  sales: 'Sales',
  support: 'Support',
  success: 'Customer success',
  product: 'Product',
  other: 'Other',
}

/** "success" -> "Customer success". */
export function roleWord(role: string): string {
  return roleWords[role] ?? role
}

/** 2550 and "EUR" -> "25.50 EUR"; -1050 -> "-10.50"; the currency left out when there is none. */
export function money(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(Math.round(cents))
  const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
  return currency ? `${text} ${currency}` : text
}

/** The totals line: what is promised, given, and left of the budget (or over it). */
export function totalsLine(v: {
  promisedCents: number
  givenCents: number
  budgetCents: number
  remainingCents: number
  currency: string
}): string {
  const c = v.currency
  const spent = `Promised ${money(v.promisedCents, c)} · given ${money(v.givenCents, c)}`
  if (v.budgetCents <= 0) return `${spent} · no budget set`
  if (v.remainingCents < 0)
    return `${spent} · ${money(-v.remainingCents, c)} over the budget of ${money(v.budgetCents, c)}`
  return `${spent} · ${money(v.remainingCents, c)} left of ${money(v.budgetCents, c)}`
}

/** The people a reward can go to: the participants (those with a state), by name as the backend sorts them. */
export function rewardable(people: RewardPerson[]): RewardPerson[] {
  return people.filter((p) => p.state !== '')
}

/** Changes when someone joins or leaves the session or changes state: the panels then reload. */
export function participantsStamp(s: { participants?: { memberId: number; state: string }[] | null }): string {
  return (s.participants ?? []).map((p) => `${p.memberId}:${p.state}`).join(',')
}
