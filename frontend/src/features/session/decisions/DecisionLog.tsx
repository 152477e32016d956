import { useState, type FormEvent } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type LogEntry } from '../../../api/session'
import { Field } from '../../../components/Field'
import { formatDate, today } from '../../../components/hooks'
import { outcomes, word } from '../labels'
import { ShareBackPanel } from '../../loop/ShareBackPanel'
import { SubmitRow } from '../../../components/SubmitRow'

/** What the team decided because of the evidence, and why. */
export function DecisionLog({
  decisionId,
  log,
  onChange,
}: {
  decisionId: number
  log: LogEntry[]
  onChange: () => Promise<void>
}) {
  const [outcome, setOutcome] = useState('test_further')
  const [rationale, setRationale] = useState('')
  const [decidedOn, setDecidedOn] = useState(today())
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      await sessionApi.addLogEntry(decisionId, { outcome, rationale, decidedOn })
      setRationale('')
      await onChange()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">Decision log</h2>
      {log.length === 0 ? (
        <p className="muted">Nothing decided yet. Log what the team decides because of the evidence.</p>
      ) : (
        <ol className="timeline">
          {[...log].reverse().map((l) => (
            <li key={l.id} className="tl-item">
              <div className="tl-head">
                <span className={`outcome outcome-${l.outcome}`}>{word(l.outcome)}</span>
                <time dateTime={l.decidedOn}>{formatDate(l.decidedOn)}</time>
              </div>
              {l.rationale && <p className="tl-detail">{l.rationale}</p>}
            </li>
          ))}
        </ol>
      )}
      {log.length > 0 && <ShareBackPanel key={log.length} kind="decision" id={decisionId} label="this decision" />}
      <form className="inline-form" onSubmit={submit} aria-label="Log a decision">
        <fieldset className="choice">
          <legend>Outcome</legend>
          <div className="choice-options">
            {outcomes.map((o) => (
              <label key={o} className="choice-option">
                <input
                  type="radio"
                  name={`outcome-${decisionId}`}
                  value={o}
                  checked={outcome === o}
                  onChange={() => setOutcome(o)}
                />
                <span>{word(o)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label="Why">
          {(p) => <textarea {...p} rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />}
        </Field>
        <Field label="Decided on">
          {(p) => <input {...p} type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />}
        </Field>
        <SubmitRow label="Log decision" busy={busy} error={error} />
      </form>
    </section>
  )
}
