import { useState } from 'react'
import { api, errorMessage, type TimelineEntry } from '../../../api'
import { formatDate } from '../../../components/hooks'
import { label } from '../labels'
import { RewardForm, TouchpointForm } from './TimelineForms'

interface Props {
  memberId: number
  entries: TimelineEntry[]
  onChange: () => Promise<void>
}

/** The member's participation history (touchpoints and rewards), newest first. */
export function Timeline({ memberId, entries, onChange }: Props) {
  const [open, setOpen] = useState<'touchpoint' | 'reward' | null>(null)
  const [confirm, setConfirm] = useState<string | null>(null)
  const [error, setError] = useState('')

  async function remove(e: TimelineEntry) {
    setError('')
    try {
      await (e.type === 'reward' ? api.deleteReward(e.refId) : api.deleteTouchpoint(e.refId))
      setConfirm(null)
      await onChange()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  const done = async () => {
    setOpen(null)
    await onChange()
  }

  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">History</h2>
      <div className="timeline-actions">
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={open === 'touchpoint'}
          onClick={() => setOpen(open === 'touchpoint' ? null : 'touchpoint')}
        >
          Log a touchpoint
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={open === 'reward'}
          onClick={() => setOpen(open === 'reward' ? null : 'reward')}
        >
          Add a reward
        </button>
      </div>
      {open === 'touchpoint' && <TouchpointForm memberId={memberId} onDone={done} />}
      {open === 'reward' && <RewardForm memberId={memberId} onDone={done} />}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <ol className="timeline">
          {entries.map((e) => {
            const id = `${e.type}-${e.refId}`
            return (
              <li key={id} className={`tl-item tl-${e.type}`}>
                <div className="tl-head">
                  <span className="tl-type">{label(e.type)}</span>
                  <time dateTime={e.date}>{formatDate(e.date)}</time>
                  {confirm === id ? (
                    <span className="tl-confirm">
                      <button type="button" className="btn btn-small btn-danger" onClick={() => remove(e)}>
                        Confirm delete
                      </button>
                      <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirm(null)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="btn btn-small btn-quiet tl-delete" onClick={() => setConfirm(id)}>
                      Delete<span className="sr-only"> {e.title}</span>
                    </button>
                  )}
                </div>
                <p className="tl-title">{e.title}</p>
                {e.detail && <p className="tl-detail">{e.detail}</p>}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
