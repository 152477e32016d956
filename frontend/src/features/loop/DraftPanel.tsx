import { useEffect, useId, useState } from 'react'
import { errorMessage } from '../../api'
import { loopApi, openMailto, type Draft, type Reminder } from '../../api/loop'
import { copyText } from './clipboard'
import { draftText, loopWord, templateKeys } from './labels'

/** Kinds with a template of their own; others must pick one. */
const ownTemplate = (kind: string) => (templateKeys as readonly string[]).includes(kind)

/** A drafted message for a reminder: pick a template, read it, open it in the mail client or copy it. */
export function DraftPanel({ reminder, onClose }: { reminder: Reminder; onClose: () => void }) {
  const fallback = reminder.virtual ? 'stay_in_touch' : ''
  const needsPick = !reminder.virtual && !reminder.templateKey && !ownTemplate(reminder.kind)
  const [key, setKey] = useState(needsPick ? '' : reminder.templateKey || fallback || reminder.kind)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [error, setError] = useState('')
  const [copied, setCopied] = useState('')
  const id = useId()

  useEffect(() => {
    if (!key) return
    let live = true
    const p = reminder.virtual ? loopApi.draftForMember(key, reminder.memberId) : loopApi.render(key, reminder.id)
    p.then(
      (d) => live && setDraft(d),
      (e) => live && (setDraft(null), setError(errorMessage(e))),
    )
    return () => {
      live = false
    }
  }, [key, reminder.id, reminder.memberId, reminder.virtual])

  async function copy() {
    if (!draft) return
    setCopied(
      (await copyText(draftText(draft)))
        ? 'Copied to the clipboard.'
        : 'Could not copy; select the text and copy it by hand.',
    )
  }

  return (
    <section className="inline-form rem-panel draft" aria-label={`Draft for ${reminder.title}`}>
      <div className="field">
        <label htmlFor={`${id}-tpl`}>Template</label>
        <select
          id={`${id}-tpl`}
          value={key}
          onChange={(e) => {
            setKey(e.target.value)
            setError('')
            setCopied('')
          }}
        >
          {needsPick && <option value="">Choose a template…</option>}
          {templateKeys.map((k) => (
            <option key={k} value={k}>
              {loopWord(k)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {draft && (
        <div className="draft-body" aria-live="polite">
          <p className="small">
            <span className="muted">To: </span>
            {draft.to || <span className="muted">no email address on file</span>}
          </p>
          <p className="small">
            <span className="muted">Subject: </span>
            <span className="strong">{draft.subject}</span>
          </p>
          <pre className="draft-text" aria-label="Message">
            {draft.body}
          </pre>
        </div>
      )}
      <div className="form-actions">
        {draft && (
          <a className="btn btn-small btn-primary" href={draft.mailto} onClick={(e) => openMailto(e, draft.mailto)}>
            Open in mail client
          </a>
        )}
        <button type="button" className="btn btn-small" onClick={copy} disabled={!draft}>
          Copy
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={onClose}>
          Close draft
        </button>
        {copied && (
          <span className="small" role="status">
            {copied}
          </span>
        )}
      </div>
    </section>
  )
}
