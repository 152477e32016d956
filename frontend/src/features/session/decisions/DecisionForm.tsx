import { useState } from 'react'
import type { Decision, DecisionInput } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { Field } from '../../../components/Field'
import { useSubmit } from '../../../components/useSubmit'

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
  const [saved, setSaved] = useState(false)
  const submit = useSubmit(fields, f)
  const set = (k: keyof DecisionInput) => (e: { target: { value: string } }) => {
    setF((s) => ({ ...s, [k]: e.target.value }))
    setSaved(false)
  }

  const save = async () => {
    await onSave(f)
    setSaved(true)
  }

  return (
    <form className="card" onSubmit={submit.handle(save)} noValidate aria-label="Decision details">
      <div className="grid-2">
        <Field
          label="Decision"
          hint="Short, as the team says it: “Offer a monthly plan?”"
          error={submit.fieldError('title')}
          className="span-2"
        >
          {(p) => <input {...p} value={f.title} onChange={set('title')} required />}
        </Field>
        <Field
          label="Question"
          hint="The product question this decision answers"
          error={submit.fieldError('question')}
          className="span-2"
        >
          {(p) => <textarea {...p} rows={2} value={f.question} onChange={set('question')} />}
        </Field>
        <Field label="Owner" error={submit.fieldError('owner')}>
          {(p) => <input {...p} value={f.owner} onChange={set('owner')} />}
        </Field>
        <Field label="Deadline" error={submit.fieldError('deadline')}>
          {(p) => <input {...p} type="date" value={f.deadline} onChange={set('deadline')} />}
        </Field>
      </div>
      {submit.message && (
        <Alert tone="error" className="form-error">
          {submit.message}
        </Alert>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
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
