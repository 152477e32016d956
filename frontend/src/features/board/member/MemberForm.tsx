import { useMemo, useState } from 'react'
import { type MemberInput } from '../../../api'
import { Alert } from '../../../components/Alert'
import { Field } from '../../../components/Field'
import { useSubmit } from '../../../components/useSubmit'
import { useBoard } from '../BoardContext'
import { label, statuses, tones, usageFrequencies } from '../labels'
import { formFields, formToInput, type FormState } from './memberForm'

interface Props {
  initial: FormState
  submitLabel: string
  onSubmit: (input: MemberInput) => Promise<void>
  onCancel?: () => void
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return []
  }
}

/** Every field of a member, with the backend's validation shown per field. */
export function MemberForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const { segments } = useBoard()
  const [f, setF] = useState(initial)
  const [saved, setSaved] = useState(false)
  const zones = useMemo(() => timeZones(), [])
  const submit = useSubmit(formFields, f)

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setF((s) => ({ ...s, [k]: v }))
    setSaved(false)
  }
  const text = (k: keyof FormState) => ({
    value: f[k] as string,
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
  })

  const err = submit.fieldError

  return (
    <form
      className="member-form"
      onSubmit={submit.handle(async () => {
        setSaved(false)
        await onSubmit(formToInput(f))
        setSaved(true)
      })}
      noValidate
      aria-label="Member details"
    >
      <fieldset>
        <legend>Contact</legend>
        <div className="grid-2">
          <Field label="Name" error={err('name')} className="span-2">
            {(p) => <input {...p} {...text('name')} required autoComplete="off" />}
          </Field>
          <Field label="Email" error={err('email')}>
            {(p) => <input {...p} {...text('email')} type="email" autoComplete="off" />}
          </Field>
          <Field label="Phone" error={err('phone')}>
            {(p) => <input {...p} {...text('phone')} type="tel" autoComplete="off" />}
          </Field>
          <Field label="Company" error={err('company')}>
            {(p) => <input {...p} {...text('company')} />}
          </Field>
          <Field label="Role" error={err('role')}>
            {(p) => <input {...p} {...text('role')} />}
          </Field>
          <Field label="Time zone" error={err('timezone')} hint="For example Europe/Berlin">
            {(p) => <input {...p} {...text('timezone')} list="sb-timezones" />}
          </Field>
        </div>
        <datalist id="sb-timezones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </fieldset>

      <fieldset>
        <legend>On the board</legend>
        <div className="grid-2">
          <Field label="Status" error={err('status')}>
            {(p) => (
              <select {...p} {...text('status')}>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {label(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Segment" error={err('segment')} hint="Choose one, or type a new name to create it">
            {(p) => <input {...p} {...text('segment')} list="sb-segments" />}
          </Field>
          <Field label="Persona" error={err('persona')}>
            {(p) => <input {...p} {...text('persona')} />}
          </Field>
          <Field label="Joined on" error={err('joinedOn')}>
            {(p) => <input {...p} {...text('joinedOn')} type="date" />}
          </Field>
          <Field label="Source" error={err('source')} hint="How they found you, or who referred them">
            {(p) => <input {...p} {...text('source')} />}
          </Field>
          <Field
            label="Contact cadence (days)"
            error={err('cadenceDays')}
            hint="How often to reach out; empty for none"
          >
            {(p) => <input {...p} {...text('cadenceDays')} type="number" min={0} step={1} inputMode="numeric" />}
          </Field>
          <Field label="Tags" error={err('tags')} hint="Separate tags with commas" className="span-2">
            {(p) => <input {...p} {...text('tags')} />}
          </Field>
          <Field label="Notes" error={err('notes')} className="span-2">
            {(p) => <textarea {...p} {...text('notes')} rows={4} />}
          </Field>
        </div>
        <datalist id="sb-segments">
          {segments.map((s) => (
            <option key={s.id} value={s.name} />
          ))}
        </datalist>
      </fieldset>

      <fieldset>
        <legend>Co-creator fitness</legend>
        <p className="fieldset-hint">
          A good board mixes people who use the product often, say clearly what they think, and are neither only
          agreeable nor only negative.
        </p>
        <div className="grid-2">
          <Field label="Usage frequency" error={err('usageFrequency')}>
            {(p) => (
              <select {...p} {...text('usageFrequency')}>
                <option value="">Not known</option>
                {usageFrequencies.map((u) => (
                  <option key={u} value={u}>
                    {label(u)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Choice
          legend="Articulation"
          hint="How clearly they put their experience into words, 1 to 5"
          name="articulation"
          value={String(f.articulation)}
          options={[['0', 'Not rated'], ...[1, 2, 3, 4, 5].map((n): [string, string] => [String(n), String(n)])]}
          onChange={(v) => set('articulation', Number(v))}
          error={err('articulation')}
        />
        <Choice
          legend="Tone"
          name="tone"
          value={f.tone}
          options={[['', 'Not rated'], ...tones.map((t): [string, string] => [t, label(t)])]}
          onChange={(v) => set('tone', v)}
          error={err('tone')}
        />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
        {saved && (
          <span className="saved" role="status">
            Saved
          </span>
        )}
      </div>
      {submit.message && (
        <div className="form-error" tabIndex={-1}>
          <Alert tone="error" title="Not saved">
            {submit.message}
          </Alert>
        </div>
      )}
    </form>
  )
}

interface ChoiceProps {
  legend: string
  hint?: string
  name: string
  value: string
  options: [string, string][]
  onChange: (v: string) => void
  error?: string
}

/** A row of radio buttons in a fieldset, shown as a segmented control. */
function Choice({ legend, hint, name, value, options, onChange, error }: ChoiceProps) {
  return (
    <fieldset className={`choice${error ? ' field-invalid' : ''}`}>
      <legend>{legend}</legend>
      <div className="choice-options">
        {options.map(([v, text]) => (
          <label key={v} className="choice-option">
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{text}</span>
          </label>
        ))}
      </div>
      {hint && <p className="field-hint">{hint}</p>}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  )
}
