import { useState, type FormEvent } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type Opportunity } from '../../../api/session'
import { Field } from '../../../components/Field'
import { categories, sentence, word } from '../labels'
import { draftFromHmw } from './synthesis'

const levels = [1, 2, 3, 4, 5]

/** Turns an opportunity into an assumption of the session's decision, prefilled from its "How might we". */
export function HypothesisForm({
  o,
  onCancel,
  onDone,
}: {
  o: Opportunity
  onCancel: () => void
  onDone: () => Promise<void>
}) {
  const [h, setH] = useState(() => draftFromHmw(o.hmw))
  const [error, setError] = useState('')
  const set = (patch: Partial<typeof h>) => setH((cur) => ({ ...cur, ...patch }))
  async function submit(e: FormEvent) {
    e.preventDefault()
    setError('')
    try {
      await sessionApi.opportunityToAssumption(o.id, { ...h, id: 0, decisionId: 0 })
      await onDone()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  return (
    <form className="hypothesis-form" onSubmit={submit} aria-label={`Turn into a hypothesis: ${o.hmw}`}>
      <p className="assumption-sentence" aria-live="polite">
        {sentence(h.customers, h.behavior, h.reason)}
      </p>
      <div className="hypothesis-grid">
        <Field label="We believe (customers)">
          {(p) => <input {...p} value={h.customers} onChange={(e) => set({ customers: e.target.value })} />}
        </Field>
        <Field label="will (behavior)">
          {(p) => <input {...p} value={h.behavior} onChange={(e) => set({ behavior: e.target.value })} />}
        </Field>
        <Field label="because (reason)">
          {(p) => <input {...p} value={h.reason} onChange={(e) => set({ reason: e.target.value })} />}
        </Field>
      </div>
      <div className="hypothesis-grid">
        <Field label="Category">
          {(p) => (
            <select {...p} value={h.category} onChange={(e) => set({ category: e.target.value })}>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {word(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Importance (1–5)">
          {(p) => (
            <select {...p} value={h.importance} onChange={(e) => set({ importance: Number(e.target.value) })}>
              {levels.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Evidence (1–5)">
          {(p) => (
            <select {...p} value={h.evidence} onChange={(e) => set({ evidence: Number(e.target.value) })}>
              {levels.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small">
          Add to the decision
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
