import { useId, useRef, useState, type ReactNode } from 'react'
import { errorMessage } from '../../api'
import { ErrorText } from '../../components/Alert'

/**
 * A danger button that asks first: a dialog says what will happen, and
 * the action runs only when confirmed; its error shows in the dialog.
 */
export function ConfirmButton({
  label,
  title,
  confirm,
  children,
  onConfirm,
  small = false,
}: {
  label: string
  title: string
  /** The dialog's confirming button; the opening button's label by default. */
  confirm?: string
  children: ReactNode
  onConfirm: () => Promise<unknown>
  small?: boolean
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
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
  async function run() {
    setBusy(true)
    try {
      await onConfirm()
      close()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" className={small ? 'btn btn-danger btn-small' : 'btn btn-danger'} onClick={open}>
        {label}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <ErrorText message={error} />
        <div className="team-dialog-actions">
          <button type="button" className="btn" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" onClick={run} disabled={busy}>
            {confirm ?? label}
          </button>
        </div>
      </dialog>
    </>
  )
}
