import { useState } from 'react'
import { api, type Member, type MemberDetail } from '../../../api'
import { FormError } from '../../../components/Alert'
import { useSubmit } from '../../../components/useSubmit'
import { MemberPicker } from '../MemberPicker'

interface Props {
  member: Member
  /** Called with the member kept, after the merge (the page should go there). */
  onMerged: (into: MemberDetail) => void
}

/** The source line the room gives a guest it adds (backend/room/guest.go). */
const guestSource = 'Guest in the session '

/** The member's name as the merge names them: a guest of a session says so. */
export function mergeName(m: Pick<Member, 'name' | 'source'>): string {
  return m.source.startsWith(guestSource) ? `${m.name} (guest)` : m.name
}

/**
 * Merging this member into another: a guest of a session who turns out to
 * be on the board, or any duplicate. Everything of theirs moves to the
 * member picked, and this member goes; it asks first, naming both.
 */
export function MergePanel({ member, onMerged }: Props) {
  const [open, setOpen] = useState(false)
  const [into, setInto] = useState({ id: 0, name: '' })
  const [confirming, setConfirming] = useState(false)
  const submit = useSubmit([], into)

  function cancel() {
    setOpen(false)
    setConfirming(false)
    setInto({ id: 0, name: '' })
  }

  const merge = submit.handle(async () => onMerged(await api.mergeMember(member.id, into.id)))

  return (
    <section className="card" aria-labelledby="merge-title">
      <h2 id="merge-title">Merge</h2>
      <p className="muted small">
        When <bdi>{member.name}</bdi> is someone already on the board: a guest of a session, or a duplicate.
      </p>
      {!open ? (
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
          Merge into another member…
        </button>
      ) : (
        <>
          <MemberPicker
            value={into.id}
            name={into.name}
            legend="Merge into"
            label="Member to keep"
            exclude={member.id}
            onChange={(id, name) => {
              setInto({ id, name })
              setConfirming(false)
            }}
          />
          {confirming ? (
            <div className="banner banner-warning" role="alertdialog" aria-labelledby="merge-question">
              <p id="merge-question">
                Merge <bdi>{mergeName(member)}</bdi> into <bdi>{into.name}</bdi>? <bdi>{member.name}</bdi>’s sessions,
                entries, consents, touchpoints and tags move to <bdi>{into.name}</bdi>; this cannot be undone.
              </p>
              <div className="form-actions">
                <button type="button" className="btn btn-danger" disabled={submit.busy} onClick={() => void merge()}>
                  Merge for good
                </button>
                <button type="button" className="btn btn-quiet" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <div className="form-actions">
              <button type="button" className="btn" disabled={!into.id} onClick={() => setConfirming(true)}>
                Merge…
              </button>
              <button type="button" className="btn btn-quiet" onClick={cancel}>
                Cancel
              </button>
            </div>
          )}
          <FormError message={submit.message} />
        </>
      )}
    </section>
  )
}
