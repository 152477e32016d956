import { useState, type FormEvent } from 'react'
import { channels, loopWord } from './labels'

/**
 * The outcome of a reminder (or of a contact, for stay-in-touch items) and
 * the channel it went by; outreach logs a touchpoint on the member.
 */
export function CompleteForm({
  label,
  submitLabel,
  outreach,
  channel,
  allowNone,
  onDone,
  onCancel,
}: {
  label: string
  submitLabel: string
  outreach: boolean
  channel: string
  allowNone: boolean
  onDone: (outcome: string, via: string) => Promise<boolean>
  onCancel: () => void
}) {
  const [outcome, setOutcome] = useState('')
  const [via, setVia] = useState(channel || 'email')
  const [busy, setBusy] = useState(false)
  const base = label.replace(/\W+/g, '-')
  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    const ok = await onDone(outcome, outreach ? via : '')
    if (!ok) setBusy(false)
  }
  return (
    <form className="inline-form rem-panel" onSubmit={submit} aria-label={label}>
      <div className="field">
        <label htmlFor={`${base}-outcome`}>Outcome</label>
        <textarea
          id={`${base}-outcome`}
          rows={2}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          autoFocus
          aria-describedby={`${base}-hint`}
        />
        <p className="field-hint" id={`${base}-hint`}>
          {outreach
            ? 'What happened, in a sentence. It goes into the member’s timeline.'
            : 'What happened, in a sentence (optional).'}
        </p>
      </div>
      {outreach && (
        <div className="field rem-via">
          <label htmlFor={`${base}-via`}>Contact by</label>
          <select id={`${base}-via`} value={via} onChange={(e) => setVia(e.target.value)}>
            {[...channels, ...(allowNone ? ['none'] : [])].map((c) => (
              <option key={c} value={c}>
                {loopWord(c)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
