import { useState } from 'react'
import type { Assumption, AssumptionInput } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { Field } from '../../../components/Field'
import { useSubmit } from '../../../components/useSubmit'
import { categories, sentence, word } from '../labels'

// The fields shown at their control; a problem of decisionId, importance or evidence goes to the message.
const fields = ['customers', 'behavior', 'reason', 'category']

export const importanceWords = ['', 'Minor', 'Somewhat important', 'Important', 'Very important', 'Critical']
export const evidenceWords = ['', 'None', 'Anecdotes', 'Some', 'Good', 'Strong']

/** 1–5 as a radio group, so arrow keys change it and screen readers hear the scale. */
export function Scale({
  name,
  legend,
  value,
  onChange,
  words,
}: {
  name: string
  legend: string
  value: number
  onChange: (n: number) => void
  words: string[]
}) {
  return (
    <fieldset className="choice scale">
      <legend>{legend}</legend>
      <div className="choice-options">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="choice-option" title={words[n]}>
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-label={`${n} – ${words[n]}`}
            />
            <span aria-hidden="true">{n}</span>
          </label>
        ))}
      </div>
      <span className="field-hint">{words[value] ?? ''}</span>
    </fieldset>
  )
}

/** An assumption as three parts, shown back as one sentence. */
export function AssumptionForm({
  decisionId,
  assumption,
  onSave,
  onCancel,
}: {
  decisionId: number
  assumption: Assumption | null
  onSave: (a: AssumptionInput) => Promise<void>
  onCancel?: () => void
}) {
  const [f, setF] = useState<AssumptionInput>({
    id: assumption?.id ?? 0,
    decisionId,
    customers: assumption?.customers ?? '',
    behavior: assumption?.behavior ?? '',
    reason: assumption?.reason ?? '',
    category: assumption?.category ?? 'desirability',
    importance: assumption?.importance ?? 3,
    evidence: assumption?.evidence ?? 2,
  })
  const submit = useSubmit(fields, f)
  const text = (k: 'customers' | 'behavior' | 'reason') => ({
    value: f[k],
    onChange: (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value })),
  })
  const idBase = assumption ? `a${assumption.id}` : 'anew'

  const save = async () => {
    await onSave(f)
    if (!assumption) setF((s) => ({ ...s, customers: '', behavior: '', reason: '' }))
  }

  return (
    <form
      className="inline-form assumption-form"
      onSubmit={submit.handle(save)}
      noValidate
      aria-label={assumption ? 'Edit assumption' : 'Add an assumption'}
    >
      <div className="hypothesis">
        <span className="hyp-word" aria-hidden="true">
          We believe
        </span>
        <Field label="Customers" error={submit.fieldError('customers')}>
          {(p) => <input {...p} {...text('customers')} placeholder="restaurant owners" />}
        </Field>
        <span className="hyp-word" aria-hidden="true">
          will
        </span>
        <Field label="Behavior" error={submit.fieldError('behavior')}>
          {(p) => <input {...p} {...text('behavior')} placeholder="pay monthly for table booking" />}
        </Field>
        <span className="hyp-word" aria-hidden="true">
          because
        </span>
        <Field label="Reason" error={submit.fieldError('reason')}>
          {(p) => <input {...p} {...text('reason')} placeholder="no-shows cost them a night's margin" />}
        </Field>
      </div>
      <p className="sentence-preview" aria-live="polite">
        <span className="sr-only">Reads: </span>
        {sentence(f.customers, f.behavior, f.reason)}
      </p>
      <div className="scales">
        <Field label="Category" error={submit.fieldError('category')}>
          {(p) => (
            <select {...p} value={f.category} onChange={(e) => setF((s) => ({ ...s, category: e.target.value }))}>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {word(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Scale
          name={`${idBase}-importance`}
          legend="Importance"
          value={f.importance}
          words={importanceWords}
          onChange={(n) => setF((s) => ({ ...s, importance: n }))}
        />
        <Scale
          name={`${idBase}-evidence`}
          legend="Evidence"
          value={f.evidence}
          words={evidenceWords}
          onChange={(n) => setF((s) => ({ ...s, evidence: n }))}
        />
      </div>
      {submit.message && (
        <Alert tone="error" className="form-error">
          {submit.message}
        </Alert>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={submit.busy}>
          {assumption ? 'Save assumption' : 'Add assumption'}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-quiet btn-small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
