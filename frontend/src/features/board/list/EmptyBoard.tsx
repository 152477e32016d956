import { useState } from 'react'
import { api, errorMessage } from '../../../api'
import { href, navigate } from '../../../router'
import { useBoard } from '../BoardContext'

/** First run: nothing on the board yet. */
export function EmptyBoard() {
  const { changed } = useBoard()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function loadDemo() {
    setBusy(true)
    setError('')
    try {
      await api.loadDemo()
      changed()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="empty">
      <h2>Your board is empty</h2>
      <p>
        An advisory board of 10–15 engaged customers, spread across your segments, is a good start. Import the people
        you already talk to, or look around with a sample board first.
      </p>
      <div className="empty-actions">
        <button type="button" className="btn btn-primary" onClick={loadDemo} disabled={busy}>
          {busy ? 'Loading…' : 'Load a sample board'}
        </button>
        <button type="button" className="btn" onClick={() => navigate('/board/import')}>
          Import members
        </button>
      </div>
      <p className="small">
        <a href={href('/board/new')}>Or add a member by hand</a>
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
