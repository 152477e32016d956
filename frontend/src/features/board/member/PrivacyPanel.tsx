import { useRef, useState, type FormEvent } from 'react'
import { errorMessage, savedText } from '../../../api'
import { exportPerson, privacyApi } from '../../../api/privacy'
import { Field } from '../../../components/Field'
import { useRoster } from '../../team/useRoster'

interface Props {
  memberId: number
  name: string
  /** Called after the member was erased (the page should leave). */
  onErased: (reference: string) => void
}

/**
 * The member's rights over their data: export everything about them, or
 * erase them for good. Erasing asks for the full name, typed out; archiving
 * stays the everyday way to take someone off the board.
 */
export function PrivacyPanel({ memberId, name, onErased }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [typed, setTyped] = useState('')
  const [message, setMessage] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  // Whether the erase dialog is open: its errors show in it, not behind it.
  const [confirming, setConfirming] = useState(false)
  const roster = useRoster()

  async function doExport() {
    setError('')
    setMessage('')
    try {
      const saved = await exportPerson(memberId)
      if (saved) setMessage(`${savedText(saved)}.`)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  function openErase() {
    setTyped('')
    setError('')
    const d = dialog.current
    if (!d) return
    setConfirming(true)
    if (typeof d.showModal === 'function') d.showModal()
    else d.setAttribute('open', '') // jsdom has no showModal
  }

  function close() {
    const d = dialog.current
    if (d && typeof d.close === 'function') d.close()
    else d?.removeAttribute('open')
    setConfirming(false)
  }

  async function erase(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      const r = await privacyApi.erasePerson(memberId, typed)
      close()
      onErased(r.reference)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const matches = typed.trim() === name.trim()
  return (
    <section className="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <p className="muted small">
        When <bdi>{name}</bdi> asks what you hold about them, or to be forgotten.
      </p>
      <div className="form-actions">
        <button type="button" className="btn btn-small" onClick={doExport}>
          Export this person’s data
        </button>
        <button type="button" className="btn btn-small btn-danger" aria-haspopup="dialog" onClick={openErase}>
          Erase this person
        </button>
      </div>
      {message && (
        <p className="muted small" role="status">
          {message}
        </p>
      )}
      {error && !confirming && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="erase-title"
        onClose={() => setConfirming(false)}
      >
        <form onSubmit={erase}>
          <h2 id="erase-title">
            Erase <bdi>{name}</bdi>?
          </h2>
          <p>
            This removes <bdi>{name}</bdi>, their contact details, tags, consents, history, rewards, session places and
            reminders for good. What they said in sessions stays as anonymous text (“Former board member”). Notes typed
            elsewhere are kept as written, and older backups still hold them until rotated out. To only take them off
            the board, archive instead.
          </p>
          {roster?.shared && (
            <p>
              The board is shared: every laptop of the team erases them too when it next syncs, and forgets them in its
              record history. A laptop that is offline keeps its copy until then.
            </p>
          )}
          <Field label={`Type “${name}” to confirm`}>
            {(p) => (
              <input {...p} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} autoFocus />
            )}
          </Field>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-danger" disabled={!matches || busy}>
              Erase for good
            </button>
            <button type="button" className="btn btn-quiet" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </section>
  )
}
