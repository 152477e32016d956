import { useRef, useState } from 'react'
import { errorMessage } from '../../api'
import { teamApi } from '../../api/team'
import { ErrorText } from '../../components/Alert'

/** "Leave the team", confirmed in a dialog that says what stays. */
export function LeaveButton({ onLeft }: { onLeft: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  function open() {
    setError('')
    const d = dialog.current
    if (typeof d?.showModal === 'function') d.showModal()
    else d?.setAttribute('open', '') // jsdom has no showModal
  }
  function close() {
    dialog.current?.close?.()
    dialog.current?.removeAttribute('open')
  }
  async function leave() {
    setBusy(true)
    try {
      await teamApi.leave()
      close()
      onLeft()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" className="btn btn-danger" onClick={open}>
        Leave the team
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="leave-title">
        <h2 id="leave-title">Leave the team?</h2>
        <p>
          This laptop writes out its last changes and stops syncing. The board stays on this laptop, as it is now, as a
          board of its own; your teammates keep theirs. To join again you need a new invite code.
        </p>
        <ErrorText message={error} />
        <div className="team-dialog-actions">
          <button type="button" className="btn" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" onClick={leave} disabled={busy}>
            Leave the team
          </button>
        </div>
      </dialog>
    </>
  )
}
