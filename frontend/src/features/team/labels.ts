// How the team's status and a sync pass read on the Team page.
import type { SyncReport, Teammate } from '../../api/team'
import { plural } from '../../text'

/** An RFC 3339 instant relative to now: "just now", "5 minutes ago"; "never" for "". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  if (!iso) return 'never'
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const s = Math.floor((now - t) / 1000)
  if (s < 5) return 'just now' // also a clock a little ahead of this one
  if (s < 60) return `${plural(s, 'second')} ago`
  const m = Math.floor(s / 60)
  if (m < 60) return `${plural(m, 'minute')} ago`
  const h = Math.floor(m / 60)
  if (h < 24) return `${plural(h, 'hour')} ago`
  return `${plural(Math.floor(h / 24), 'day')} ago`
}

/** One teammate as the Team page lists them. */
export interface TeammateRow {
  key: string
  person: string
  laptop: string
  files: string
  lastApplied: string
  notes: string[]
  /** A teammate's laptop still in the team: it can be removed from here. */
  removable: boolean
}

/**
 * The teammates as rows: this laptop first (its own files are written
 * here, not applied, so it shows none), then the others in the order they
 * joined, removed ones last.
 */
export function teammateRows(mates: Teammate[] | null, now: number = Date.now()): TeammateRow[] {
  const rank = (m: Teammate) => (m.me ? 0 : m.removed ? 2 : 1)
  return [...(mates ?? [])]
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
    .map(({ m }) => ({
      key: m.device,
      person: m.person || 'Someone',
      laptop: m.label || 'a laptop with no name',
      files: m.me ? '—' : plural(m.files, 'file'),
      lastApplied: m.me ? '—' : m.lastFile ? relativeTime(m.lastFile, now) : 'nothing yet',
      notes: [...(m.me ? ['this laptop'] : []), ...(m.removed ? ['removed'] : [])],
      removable: !m.me && !m.removed,
    }))
}

/** What a sync pass did, in one sentence. */
export function syncSummary(r: SyncReport): string {
  const parts: string[] = []
  if (r.written > 0) parts.push(`wrote out ${plural(r.written, 'change')} of yours`)
  if (r.files > 0)
    parts.push(
      `applied ${plural(r.applied, 'new change')} from ${plural(r.files, "teammate's file", "teammates' files")}`,
    )
  if (r.joined?.length) parts.push(`let in ${r.joined.join(', ')}`)
  if (r.held > 0) parts.push(`held back ${plural(r.held, 'change')} for now`)
  const problems = r.problems?.length ?? 0
  if (problems > 0) parts.push(`ran into ${plural(problems, 'problem')} (below)`)
  if (parts.length === 0) return 'Synced: nothing new on either side.'
  const text = parts.join(', ')
  return `Synced: ${text}.`
}
