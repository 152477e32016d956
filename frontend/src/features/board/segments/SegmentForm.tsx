import { useState, type FormEvent } from 'react'
import { api, errorMessage, fieldErrors, type Segment } from '../../../api'
import { Field } from '../../../components/Field'

interface Props {
  segment: Segment | null // null = new
  onDone: () => void
  onCancel?: () => void
}

/** "25" -> 0.25; share shown as a percentage, stored as 0..1. */
export function percentToShare(text: string): number {
  const t = text.trim().replace(',', '.')
  return t === '' ? 0 : Number(t) / 100
}

export function shareToPercent(share: number): string {
  return share ? String(Math.round(share * 1000) / 10) : ''
}

/** Creates or edits a segment. */
export function SegmentForm({ segment, onDone, onCancel }: Props) {
  const [name, setName] = useState(segment?.name ?? '')
  const [description, setDescription] = useState(segment?.description ?? '')
  const [target, setTarget] = useState(shareToPercent(segment?.targetShare ?? 0))
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const errs = fieldErrors(error, ['name', 'description', 'targetShare'])

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await api.saveSegment({ id: segment?.id ?? 0, name, description, targetShare: percentToShare(target) })
      if (!segment) {
        setName('')
        setDescription('')
        setTarget('')
      }
      onDone()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const title = segment ? `Edit ${segment.name}` : 'New segment'
  return (
    <form className="card segment-form" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      <Field label="Segment name" error={errs.byField.name}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Description" error={errs.byField.description}>
        {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field
        label="Target share (%)"
        hint="The share of active board members you want from this segment; empty for none"
        error={errs.byField.targetShare}
      >
        {(p) => (
          <input
            {...p}
            type="number"
            min={0}
            max={100}
            step={1}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {segment ? 'Save segment' : 'Add segment'}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {!!error && (
        <p className="error-text" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </form>
  )
}
