// Owners of reminders and actions. On a shared board an owner is chosen
// among the teammates (or nobody in particular); on a board in no team the
// action form keeps its free-text owner and the reminder form shows none.
import type { Roster } from '../../api/team'

export interface OwnerChoice {
  value: string
  label: string
}

/** The roster of a board in no team (also while it loads or when it cannot be read). */
export const noTeam: Roster = { shared: false, me: '', people: [] }

/**
 * The owner picker's choices: nobody in particular, then the teammates by
 * name (me marked), then the current owner when they are no longer in the
 * team, so an edit keeps them unless changed.
 */
export function ownerChoices(roster: Roster, current = ''): OwnerChoice[] {
  const people = roster.people ?? []
  const out: OwnerChoice[] = [{ value: '', label: 'Nobody in particular' }]
  for (const p of people) out.push({ value: p, label: p === roster.me ? `${p} (you)` : p })
  if (current && !people.includes(current)) out.push({ value: current, label: `${current} (not in the team)` })
  return out
}

/** A new reminder's or action's owner: me on a shared board, else nobody in particular. */
export function defaultOwner(roster: Roster): string {
  return roster.shared ? roster.me : ''
}

/** How a list shows an owner: "" for nobody in particular. */
export function ownerText(owner: string, mine: boolean): string {
  if (!owner) return ''
  return mine ? `${owner} (you)` : owner
}
