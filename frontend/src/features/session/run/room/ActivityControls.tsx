import { useState } from 'react'
import { errorMessage } from '../../../../api'
import { activityApi, type Activity } from '../../../../api/activity'
import { ErrorText } from '../../../../components/Alert'

/**
 * Reveal and lock for the activity on screen: revealed shows its results
 * to the room and the projector (never names); locked takes no more
 * entries from phones.
 */
export function ActivityControls({ activity: a, onChange }: { activity: Activity; onChange: (a: Activity) => void }) {
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  async function set(call: () => Promise<Activity>) {
    setBusy(true)
    setError('')
    try {
      onChange(await call())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="room-controls" role="group" aria-label="Room controls">
      <button
        type="button"
        className="btn btn-small"
        aria-pressed={a.revealed}
        disabled={busy}
        onClick={() => void set(() => activityApi.setRevealed(a.id, !a.revealed))}
      >
        {a.revealed ? 'Hide results' : 'Reveal results'}
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-pressed={a.locked}
        disabled={busy}
        onClick={() => void set(() => activityApi.setLocked(a.id, !a.locked))}
      >
        {a.locked ? 'Unlock' : 'Lock'}
      </button>
      <span className="muted small">
        {a.revealed ? 'Results shown to the room' : 'Results not shown yet'} ·{' '}
        {a.locked ? 'no more entries from phones' : 'phones can add entries'}
      </span>
      <ErrorText message={error} />
    </div>
  )
}
