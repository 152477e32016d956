import { useId, useState } from 'react'
import { errorMessage } from '../api'
import { historyApi, type HistoryChange, type HistoryEntry, type RecordKind } from '../api/history'
import { Alert } from './Alert'

const whenFmt = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
})

const events: Record<string, string> = { created: 'Created', deleted: 'Deleted', restored: 'Restored' }

/** "Ana (Ana's laptop)"; this laptop's writer is marked as you, "You (this laptop)" when unnamed. */
function writer(e: HistoryEntry): string {
  const where = [e.me && e.person ? 'you' : '', e.device].filter(Boolean).join(', ')
  const who = e.person || 'You'
  return where ? `${who} (${where})` : who
}

function change(c: HistoryChange): string {
  const text = `${c.field}: ${c.old || '(empty)'} → ${c.new || '(empty)'}`
  return c.overwrittenBy ? `${text} (overwritten by ${c.overwrittenBy}'s edit)` : text
}

/**
 * A record's history, collapsed until asked for: who changed what, and
 * when, newest first. It loads each time it opens, so it always shows the
 * change log as it is now.
 */
export function RecordHistory({ kind, id, name }: { kind: RecordKind; id: number; name?: string }) {
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null)
  const [error, setError] = useState('')

  async function toggle() {
    if (open) {
      setOpen(false)
      return
    }
    setOpen(true)
    setEntries(null)
    setError('')
    try {
      setEntries(await historyApi.record(kind, id))
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    // A plain card, no landmark: the member page's timeline is already the region named History.
    <div className="card record-history">
      <div>
        <button type="button" className="btn btn-small" aria-expanded={open} aria-controls={listId} onClick={toggle}>
          Change history
          {name && <span className="sr-only"> of {name}</span>}
        </button>
      </div>
      {open && (
        <div id={listId}>
          {error && (
            <Alert tone="error" title="The history could not be read">
              {error}
            </Alert>
          )}
          {!error && !entries && <p className="muted">Loading…</p>}
          {entries?.length === 0 && (
            <p className="muted">No changes recorded yet: changes are recorded once the board is shared with a team.</p>
          )}
          {entries && entries.length > 0 && (
            <ul className="history-list" aria-label={name ? `Change history of ${name}` : 'Change history'}>
              {entries.map((e, i) => (
                <li key={i}>
                  <bdi>{writer(e)}</bdi> · <time dateTime={e.when}>{whenFmt.format(new Date(e.when))}</time> ·{' '}
                  {[events[e.event], ...e.changes.map(change)].filter(Boolean).join('; ')}
                </li>
              ))}
            </ul>
          )}
          {entries && entries.length >= 200 && <p className="muted">Only the latest 200 changes are shown.</p>}
        </div>
      )}
    </div>
  )
}
