import type { Activity } from '../../../../api/activity'
import type { Participant } from '../../../../api/session'
import type { Entries } from '../../agenda/useEntries'

/** What every activity's run component gets. */
export interface ActivityProps {
  activity: Activity
  /** Who is here to contribute (no-shows left out). */
  participants: Participant[]
  entries: Entries
}

/** The items of a role, in order. */
export const itemsOf = (a: Activity, role: string) =>
  a.items.filter((it) => it.role === role).sort((x, y) => x.position - y.position)
