import { useRef, useState } from 'react'
import { aboutInfo, errorMessage, type AboutInfo } from '../api'

/**
 * The top bar's About button and dialog: which build is running and which
 * database file it uses. Answered by the bound About service, so it works
 * in the window and in browser mode alike.
 */
export function About({ version }: { version?: string }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [info, setInfo] = useState<AboutInfo | null>(null)
  const [error, setError] = useState('')

  function open() {
    aboutInfo().then(setInfo, (e) => setError(errorMessage(e)))
    const d = dialog.current
    if (!d) return
    if (typeof d.showModal === 'function') d.showModal()
    else d.setAttribute('open', '') // jsdom has no showModal
  }

  return (
    <div className="topbar-about">
      {version && <span className="muted small">{version}</span>}
      <button type="button" className="btn btn-quiet btn-small" aria-haspopup="dialog" onClick={open}>
        About
      </button>
      <dialog ref={dialog} className="about-dialog" aria-labelledby="about-title">
        <h2 id="about-title">Sounding Board</h2>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {info && (
          <dl>
            <dt>Version</dt>
            <dd>{info.version}</dd>
            <dt>Database</dt>
            <dd>
              <code>{info.dbPath}</code>
            </dd>
          </dl>
        )}
        <p className="muted small">
          To copy or move your data, run <code>soundingboard backup -o FILE</code>, or quit the app and copy this file;
          see “Where the data lives” in the README.
        </p>
        <form method="dialog">
          <button type="submit" className="btn btn-small" autoFocus>
            Close
          </button>
        </form>
      </dialog>
    </div>
  )
}
