import { useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../../api'
import { activityApi, Kind, type Activity, type Agenda } from '../../../api/activity'
import { Alert } from '../../../components/Alert'
import { SaveIndicator, useAutosave } from '../useAutosave'
import { useLoad } from '../useLoad'
import { ActivityEditor } from './ActivityEditor'
import { kindLabel, kinds, newActivity, planSummary, plannedMinutes } from './logic'

interface Props {
  sessionId: number
  durationMinutes: number
  /** A finished session takes no new activities (the backend refuses them). */
  finished: boolean
  /** Changes when the plan was saved (its assumptions fill the assumption check). */
  version: number
}

/** The session's agenda on the plan page: activities in order, edited, reordered, removed and restored. */
export function AgendaEditor({ sessionId, durationMinutes, finished, version }: Props) {
  const { data: agenda, error, setData, reload } = useLoad(() => activityApi.agenda(sessionId), [sessionId])
  const { queue, status } = useAutosave(300)
  const [kind, setKind] = useState<Kind>(Kind.OpenQuestion)
  const [actionError, setActionError] = useState('')
  const [asking, setAsking] = useState<Activity | null>(null)
  const [undo, setUndo] = useState<Activity | null>(null)
  const [focusId, setFocusId] = useState(0)
  // Minutes as typed, ahead of the agenda last read.
  const [typed, setTyped] = useState<Record<number, number>>({})
  const keepRef = useRef<HTMLButtonElement>(null)
  const undoRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (version) void reload()
  }, [version, reload])

  async function act(fn: () => Promise<Agenda | void>) {
    setActionError('')
    try {
      await queue.flush()
      const a = await fn()
      if (a) setData(a)
    } catch (e) {
      setActionError(errorMessage(e))
    }
  }

  const add = () =>
    act(async () => {
      const a = await activityApi.saveActivity({ id: 0, sessionId, ...newActivity(kind), items: itemsOf(kind) })
      setFocusId(a.id)
      await reload()
    })
  const move = (a: Activity, to: number) =>
    act(async () => {
      setFocusId(a.id)
      return activityApi.moveActivity(a.id, to)
    })
  const remove = (a: Activity) =>
    act(async () => {
      setAsking(null)
      const next = await activityApi.removeActivity(a.id)
      // As saved: the title may have been edited since the agenda was read.
      setUndo(next.removed.find((x) => x.id === a.id) ?? a)
      requestAnimationFrame(() => undoRef.current?.focus())
      return next
    })
  const restore = (a: Activity) =>
    act(async () => {
      setUndo(null)
      setFocusId(a.id)
      return activityApi.restoreActivity(a.id)
    })
  function askRemove(a: Activity) {
    if (a.entries > 0) {
      setAsking(a)
      requestAnimationFrame(() => keepRef.current?.focus())
    } else void remove(a)
  }

  if (!agenda) {
    return (
      <section className="card" aria-label="Agenda activities">
        <h2>Agenda activities</h2>
        {error ? <Alert tone="error">{error}</Alert> : <p className="muted">Loading…</p>}
      </section>
    )
  }
  const planned = plannedMinutes(agenda.activities.map((a) => ({ minutes: typed[a.id] ?? a.minutes })))
  const summary = planSummary(planned, durationMinutes)

  return (
    <section className="card agenda" aria-labelledby="agenda-title">
      <header className="agenda-top">
        <h2 id="agenda-title">Agenda activities</h2>
        <p className={summary.over ? 'agenda-over' : 'muted'} aria-live="polite">
          {summary.text}
        </p>
        <SaveIndicator status={status} />
      </header>
      <p className="muted small">
        Reorder with Move up and Move down, or Alt + ↑ and Alt + ↓ on an activity. Changes are saved as you type.
      </p>
      {actionError && <Alert tone="error">{actionError}</Alert>}
      {asking && (
        <div className="agenda-confirm" role="alertdialog" aria-labelledby="agenda-confirm-title">
          <p id="agenda-confirm-title">
            Remove “{asking.title}”? It holds {asking.entries} {asking.entries === 1 ? 'entry' : 'entries'}; you can
            restore it afterwards.
          </p>
          <button type="button" className="btn btn-danger" onClick={() => remove(asking)}>
            Remove with {asking.entries} {asking.entries === 1 ? 'entry' : 'entries'}
          </button>
          <button ref={keepRef} type="button" className="btn" onClick={() => setAsking(null)}>
            Keep it
          </button>
        </div>
      )}
      {undo && (
        <div className="agenda-undo" role="status">
          Removed “{undo.title}”.{' '}
          <button ref={undoRef} type="button" className="btn btn-small" onClick={() => restore(undo)}>
            Undo
          </button>
        </div>
      )}
      {agenda.activities.length === 0 ? (
        <p className="muted">No activities yet.</p>
      ) : (
        <ol className="agenda-list" aria-label="Activities, in order">
          {agenda.activities.map((a, i) => (
            <ActivityEditor
              key={a.id}
              activity={a}
              index={i}
              count={agenda.activities.length}
              queue={queue}
              onMove={move}
              onRemove={askRemove}
              onMinutes={(id, m) => setTyped((t) => ({ ...t, [id]: m }))}
              focusMe={focusId === a.id}
            />
          ))}
        </ol>
      )}
      {!finished && (
        <div className="agenda-add">
          <label htmlFor="agenda-kind">Kind of activity</label>
          <select id="agenda-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
          <button type="button" className="btn" onClick={add}>
            Add activity
          </button>
        </div>
      )}
      {agenda.removed.length > 0 && (
        <div className="agenda-removed">
          <h3 className="small-heading">Removed activities</h3>
          <ul aria-label="Removed activities">
            {agenda.removed.map((a) => (
              <li key={a.id}>
                {kindLabel(a.kind)}: {a.title}
                {a.entries > 0 && <span className="muted small"> · {a.entries} entries</span>}{' '}
                <button type="button" className="btn btn-small" onClick={() => restore(a)}>
                  Restore<span className="sr-only"> {a.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

/** A new activity's items as the service takes them. */
function itemsOf(kind: Kind) {
  return newActivity(kind).items.map((it) => ({ id: 0, role: it.role, assumptionId: 0, text: it.text }))
}
