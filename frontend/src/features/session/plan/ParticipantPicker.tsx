import { useState } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type Candidate, type Picker } from '../../../api/session'
import { formatDate } from '../../../components/hooks'
import { NoContactIcon, WarningIcon } from '../../../components/Icons'
import { label } from '../../board/labels'
import { plural } from '../../../text'

/**
 * Choose participants from the board: segment, status, consent and how
 * recently each took part, with the segment balance and size advice.
 */
export function ParticipantPicker({
  sessionId,
  picker,
  onChange,
}: {
  sessionId: number
  picker: Picker
  onChange: () => Promise<void>
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [onlyContact, setOnlyContact] = useState(false)
  // Shown at once; the server's answer replaces it.
  const [pending, setPending] = useState<Record<number, boolean>>({})
  const candidates = (picker.candidates ?? []).map((c) =>
    c.memberId in pending ? { ...c, selected: pending[c.memberId] } : c,
  )
  const selected = candidates.filter((c) => c.selected)
  const shown = onlyContact ? candidates.filter((c) => c.canContact || c.selected) : candidates

  async function toggle(c: Candidate) {
    setBusy(true)
    setError('')
    setPending((p) => ({ ...p, [c.memberId]: !c.selected }))
    const ids = c.selected
      ? selected.filter((x) => x.memberId !== c.memberId).map((x) => x.memberId)
      : [...selected.map((x) => x.memberId), c.memberId]
    try {
      await sessionApi.setParticipants(sessionId, ids)
      await onChange()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setPending({})
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="picker-title">
      <h2 id="picker-title">Choose participants</h2>
      <p className="picker-size">
        <strong>{plural(selected.length, 'person', 'people')} chosen</strong>
        <span className="muted">
          {' '}
          · recommended {picker.min}–{picker.max}
        </span>
      </p>
      {picker.advice && (
        <p className="advice" role="status">
          {picker.advice}
        </p>
      )}
      {(picker.segments ?? []).length > 0 && (
        <div>
          <h3 className="small-heading">Segment balance</h3>
          <ul className="segment-balance" aria-label="Chosen people by segment">
            {(picker.segments ?? []).map((s) => (
              <li key={s.segment || 'none'} className={s.selected === 0 ? 'is-empty' : undefined}>
                <span>{s.segment || 'No segment'}</span>
                <span className="num">
                  {s.selected} <span className="muted">of {s.board}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <label className="check">
        <input type="checkbox" checked={onlyContact} onChange={(e) => setOnlyContact(e.target.checked)} />
        Only people with contact consent
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="table-scroll picker-scroll">
        <table className="table picker-table" aria-label="Board members to choose from">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Chosen</span>
              </th>
              <th scope="col">Member</th>
              <th scope="col">Segment</th>
              <th scope="col">Status</th>
              <th scope="col">Last session</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.memberId} className={c.selected ? 'is-chosen' : undefined}>
                <td>
                  <input
                    type="checkbox"
                    checked={c.selected}
                    disabled={busy}
                    onChange={() => toggle(c)}
                    aria-label={`Choose ${c.name}`}
                    aria-describedby={c.warning ? `warn-${c.memberId}` : undefined}
                  />
                </td>
                <th scope="row">
                  {c.name}
                  {c.company && <span className="muted small"> · {c.company}</span>}
                  {!c.canContact && (
                    <span className="flag-nocontact">
                      <NoContactIcon /> No contact consent
                    </span>
                  )}
                </th>
                <td>{c.segment || <span className="muted">—</span>}</td>
                <td>
                  <span className={`status status-${c.status}`}>{label(c.status)}</span>
                </td>
                <td>
                  {c.lastSession ? formatDate(c.lastSession) : <span className="muted">Never</span>}
                  {c.sessionsCount > 0 && <span className="muted small"> ({c.sessionsCount})</span>}
                  {c.warning && (
                    <span className="picker-warning" id={`warn-${c.memberId}`}>
                      <WarningIcon /> {c.warning}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
