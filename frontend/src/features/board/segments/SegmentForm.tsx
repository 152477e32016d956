import { useState } from 'react'
import { api, type Segment } from '../../../api'
import { FormError } from '../../../components/Alert'
import { Field } from '../../../components/Field'
import { useSubmit } from '../../../components/useSubmit'

const fields = ['name', 'description', 'targetShare'] as const

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
  const submit = useSubmit(fields, { name, description, targetShare: target })
  const save = async () => {
    await api.saveSegment({ id: segment?.id ?? 0, name, description, targetShare: percentToShare(target) })
    if (!segment) {
      setName('')
      setDescription('')
      setTarget('')
    }
    onDone()
  }

  const title = segment ? `Edit ${segment.name}` : 'New segment'
  return (
    <form className="card segment-form" onSubmit={submit.handle(save)} aria-label={title}>
      <h3>{title}</h3>
      <Field label="Segment name" error={submit.fieldError('name')}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Description" error={submit.fieldError('description')}>
        {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field
        label="Target share (%)"
        hint="The share of active board members you want from this segment; empty for none"
        error={submit.fieldError('targetShare')}
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
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {segment ? 'Save segment' : 'Add segment'}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <FormError message={submit.message} />
    </form>
  )
}
