import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Attendance, Participant } from '../../../api/session'
import { plural } from '../../../text'

/** Notes offered for a participant's attendance; any other text is fine too. */
const noteIdeas = ['came late', 'left early', 'joined by phone']

/** The attendance Finish proposes: whoever is marked attended came, everyone else is a no-show. */
export const proposedAttendance = (participants: Participant[]): Attendance[] =>
  participants.map((p) => ({ memberId: p.memberId, attended: p.state === 'attended', note: p.note ?? '' }))

interface Props {
  open: boolean
  participants: Participant[]
  busy: boolean
  error: string
  onConfirm: (attendance: Attendance[]) => void
  onCancel: () => void
}

/**
 * Finish asks first: who counts as attended (and so gets the thank-you,
 * feedback and share-back) and who as a no-show. The facilitator corrects
 * it here, with a note such as "came late", and confirms in one step.
 */
export function FinishDialog({ open, participants, busy, error, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [rows, setRows] = useState<Attendance[]>([])

  useEffect(() => {
    const d = dialog.current
    if (!d) return
    if (open && !d.open) {
      setRows(proposedAttendance(participants))
      if (typeof d.showModal === 'function') d.showModal()
      else d.setAttribute('open', '') // jsdom has no showModal
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close()
      else d.removeAttribute('open')
    }
  }, [open, participants])

  const set = (i: number, patch: Partial<Attendance>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onConfirm(rows)
  }
  const came = rows.filter((r) => r.attended).length
  const nameOf = (id: number) => participants.find((p) => p.memberId === id)?.name ?? `Member ${id}`

  return (
    <dialog ref={dialog} className="confirm-dialog finish-dialog" aria-labelledby="finish-title" onCancel={onCancel}>
      <form onSubmit={submit}>
        <h2 id="finish-title">Finish the session?</h2>
        <p>
          Attendees get the thank-you, the feedback and afterthought asks and the share-back; no-shows get none of them.
          Correct anyone marked wrongly.
        </p>
        <p role="status" className="finish-summary">
          {plural(came, 'attendee')}, {plural(rows.length - came, 'no-show')}
        </p>
        <ul className="finish-list" aria-label="Attendance">
          {rows.map((r, i) => {
            const name = nameOf(r.memberId)
            return (
              <li key={r.memberId}>
                <bdi className="finish-name">{name}</bdi>
                <span role="radiogroup" aria-label={`Attendance of ${name}`} className="finish-choice">
                  <label className="check">
                    <input
                      type="radio"
                      name={`attended-${r.memberId}`}
                      checked={r.attended}
                      onChange={() => set(i, { attended: true })}
                    />
                    Attended
                  </label>
                  <label className="check">
                    <input
                      type="radio"
                      name={`attended-${r.memberId}`}
                      checked={!r.attended}
                      onChange={() => set(i, { attended: false })}
                    />
                    No-show
                  </label>
                </span>
                <input
                  aria-label={`Note on ${name}`}
                  placeholder="Note, e.g. came late"
                  list="attendance-notes"
                  maxLength={200}
                  value={r.note}
                  onChange={(e) => set(i, { note: e.target.value })}
                />
              </li>
            )
          })}
        </ul>
        <datalist id="attendance-notes">
          {noteIdeas.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Confirm and finish
          </button>
          <button type="button" className="btn btn-quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
