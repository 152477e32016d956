import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api'
import { sessionApi, type Tell } from '../../api/session'
import { Field } from '../../components/Field'

/**
 * "What we tell participants" about a verdict or a decision: the one line
 * drafts and letters carry, never the team's rationale. Prefilled with a
 * plain-words suggestion; the facilitator rewrites it, clears it (tell
 * nothing) or goes back to the suggestion.
 */
export function TellEditor({ tell, onSaved }: { tell: Tell; onSaved: (t: Tell) => void }) {
  const [line, setLine] = useState(tell.line)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState('')
  const errs = fieldErrors(error, ['line'])

  async function save(suggest: boolean) {
    setBusy(true)
    setError(null)
    setSaved('')
    try {
      const { kind, sessionId, assumptionId, entryId } = tell
      const t = await sessionApi.setTell({ kind, sessionId, assumptionId, entryId, line, suggest })
      setLine(t.line)
      setSaved(t.line ? 'Saved; the drafts below use it.' : 'Saved; participants are told nothing about it.')
      onSaved(t)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault()
    void save(false)
  }

  const hint = !line.trim()
    ? tell.ourOwn && !tell.written
      ? 'This is about our own team, so participants hear nothing of it unless you write a line.'
      : 'Left empty, participants are told nothing about it.'
    : 'Drafts and letters say only this, never the rationale.'
  return (
    <form className="tell" onSubmit={submit} aria-label="What we tell participants">
      <Field label="What we tell participants" hint={hint} error={errs.byField.line}>
        {(p) => <textarea {...p} rows={2} value={line} onChange={(e) => setLine(e.target.value)} />}
      </Field>
      {line !== tell.suggested && (
        <p className="small">
          <span className="muted">Suggested: </span>
          {tell.suggested}{' '}
          <button type="button" className="btn btn-quiet btn-small" onClick={() => setLine(tell.suggested)}>
            Use the suggestion
          </button>
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-small" disabled={busy || line === tell.line}>
          Save line
        </button>
        {tell.written && (
          <button type="button" className="btn btn-quiet btn-small" onClick={() => save(true)} disabled={busy}>
            Back to the suggestion
          </button>
        )}
        {saved && (
          <span className="saved small" role="status">
            {saved}
          </span>
        )}
        {errs.other.length > 0 && (
          <span className="error-text small" role="alert">
            {errs.other.join(' ')}
          </span>
        )}
      </div>
    </form>
  )
}
