import { useMemo, useState, type FormEvent } from 'react'
import { fieldErrors } from '../../../api'
import type { Decision, DecisionInput } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { Field } from '../../../components/Field'

const fields = ['title', 'question', 'owner', 'deadline']

/** The question, its owner and deadline. */
export function DecisionForm({
  decision,
  onSave,
}: {
  decision: Decision | null
  onSave: (d: DecisionInput) => Promise<void>
}) {
  const [f, setF] = useState<DecisionInput>({
    id: decision?.id ?? 0,
    title: decision?.title ?? '',
    question: decision?.question ?? '',
    owner: decision?.owner ?? '',
    deadline: decision?.deadline ?? '',
  })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  const errs = useMemo(() => fieldErrors(error, fields), [error])
  const set = (k: keyof DecisionInput) => (e: { target: { value: string } }) => {
    setF((s) => ({ ...s, [k]: e.target.value }))
    setSaved(false)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await onSave(f)
      setSaved(true)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Decision details">
      <div className="grid-2">
        <Field
          label="Decision"
          hint="Short, as the team says it: “Offer a monthly plan?”"
          error={errs.byField.title}
          className="span-2"
        >
          {(p) => <input {...p} value={f.title} onChange={set('title')} required />}
        </Field>
        <Field
          label="Question"
          hint="The product question this decision answers"
          error={errs.byField.question}
          className="span-2"
        >
          {(p) => <textarea {...p} rows={2} value={f.question} onChange={set('question')} />}
        </Field>
        <Field label="Owner" error={errs.byField.owner}>
          {(p) => <input {...p} value={f.owner} onChange={set('owner')} />}
        </Field>
        <Field label="Deadline" error={errs.byField.deadline}>
          {(p) => <input {...p} type="date" value={f.deadline} onChange={set('deadline')} />}
        </Field>
      </div>
      {errs.other.length > 0 && <Alert tone="error">{errs.other.join('; ')}</Alert>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {decision ? 'Save decision' : 'Create decision'}
        </button>
        {saved && (
          <span className="saved" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  )
}
