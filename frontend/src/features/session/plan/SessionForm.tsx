import { useEffect, useRef, useState } from 'react'
import {
  sessionApi,
  type Assumption,
  type Decision,
  type OpenerItem,
  type Session,
  type SessionInput,
} from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { Field } from '../../../components/Field'
import { useSubmit } from '../../../components/useSubmit'
import { TOP_ASSUMPTIONS, word } from '../labels'
import { riskiest } from '../map/geometry'
import { formatLabel, useFormats } from './useFormats'
import { TemplatePreview } from './TemplatePreview'

const fields = [
  'title',
  'customerTitle',
  'decisionId',
  'format',
  'scheduledOn',
  'startTime',
  'durationMinutes',
  'place',
  'facilitator',
  'noteTaker',
  'agenda',
  'prompts',
  'opener',
  'assumptionIds',
]

export function sessionToInput(s: Session): SessionInput {
  return {
    id: s.id,
    decisionId: s.decisionId,
    title: s.title,
    customerTitle: s.customerTitle,
    format: s.format,
    scheduledOn: s.scheduledOn,
    startTime: s.startTime,
    durationMinutes: s.durationMinutes,
    place: s.place,
    facilitator: s.facilitator,
    noteTaker: s.noteTaker,
    agenda: s.agenda,
    prompts: s.prompts ?? [],
    opener: s.opener ?? [],
    assumptionIds: (s.assumptions ?? []).map((a) => a.id),
  }
}

export function emptySession(decisionId: number): SessionInput {
  return {
    id: 0,
    decisionId,
    title: '',
    customerTitle: '',
    format: 'assumption_testing',
    scheduledOn: '',
    startTime: '',
    durationMinutes: 90,
    place: '',
    facilitator: '',
    noteTaker: '',
    agenda: '',
    prompts: [],
    // null lets the backend fill in its default opener.
    opener: null as unknown as OpenerItem[],
    assumptionIds: [],
  }
}

/** Moves item i of list by delta (−1 up, +1 down). */
export function move<T>(list: T[], i: number, delta: number): T[] {
  const j = i + delta
  if (j < 0 || j >= list.length) return list
  const out = [...list]
  ;[out[i], out[j]] = [out[j], out[i]]
  return out
}

/** A list of short lines with add and remove (prompts, opener). */
function LineList({
  legend,
  hint,
  items,
  onChange,
  addLabel,
  itemLabel,
}: {
  legend: string
  hint?: string
  items: string[]
  onChange: (v: string[]) => void
  addLabel: string
  itemLabel: string
}) {
  const [draft, setDraft] = useState('')
  const add = () => {
    if (!draft.trim()) return
    onChange([...items, draft.trim()])
    setDraft('')
  }
  return (
    <fieldset className="line-list">
      <legend>{legend}</legend>
      {hint && <p className="fieldset-hint">{hint}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((t, i) => (
            <li key={i}>
              <input
                aria-label={`${itemLabel} ${i + 1}`}
                value={t}
                onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <button
                type="button"
                className="btn btn-small btn-quiet"
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                Remove
                <span className="sr-only">
                  {' '}
                  {itemLabel.toLowerCase()} {i + 1}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="line-add">
        <input
          aria-label={addLabel}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              add()
            }
          }}
          placeholder={addLabel}
        />
        <button type="button" className="btn btn-small" onClick={add}>
          Add
        </button>
      </div>
    </fieldset>
  )
}

/** Which of the decision's assumptions this session tests, in order. */
function AssumptionChooser({
  assumptions,
  ids,
  onChange,
}: {
  assumptions: Assumption[]
  ids: number[]
  onChange: (ids: number[]) => void
}) {
  const byId = new Map(assumptions.map((a) => [a.id, a]))
  const chosen = ids.map((id) => byId.get(id)).filter((a): a is Assumption => !!a)
  const rest = assumptions.filter((a) => !ids.includes(a.id))
  return (
    <fieldset className="chooser">
      <legend>Assumptions to test</legend>
      <p className="fieldset-hint">
        Focus on the top {TOP_ASSUMPTIONS}: the riskiest are important and have little evidence. They are tested in this
        order.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange(riskiest(assumptions, TOP_ASSUMPTIONS).map((a) => a.id))}
          disabled={assumptions.length === 0}
        >
          Choose the {TOP_ASSUMPTIONS} riskiest
        </button>
        <span className="muted small" aria-live="polite">
          {chosen.length} chosen
        </span>
      </div>
      {chosen.length > TOP_ASSUMPTIONS && (
        <div className="banner banner-warning" role="alert">
          <p>
            {chosen.length} assumptions is more than the top {TOP_ASSUMPTIONS}; a session stays focused with{' '}
            {TOP_ASSUMPTIONS} or fewer.
          </p>
        </div>
      )}
      {chosen.length > 0 && (
        <ol className="chosen-list" aria-label="Chosen assumptions, in order">
          {chosen.map((a, i) => (
            <li key={a.id}>
              <label className="check">
                <input type="checkbox" checked onChange={() => onChange(ids.filter((x) => x !== a.id))} />
                <span>{a.sentence}</span>
              </label>
              <span className="order-buttons">
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  onClick={() => onChange(move(ids, i, -1))}
                  disabled={i === 0}
                  aria-label={`Move up: ${a.sentence}`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  onClick={() => onChange(move(ids, i, 1))}
                  disabled={i === chosen.length - 1}
                  aria-label={`Move down: ${a.sentence}`}
                >
                  ↓
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {rest.length > 0 && (
        <ul className="unchosen-list" aria-label="Other assumptions of the decision">
          {rest.map((a) => (
            <li key={a.id}>
              <label className="check">
                <input type="checkbox" checked={false} onChange={() => onChange([...ids, a.id])} />
                <span>
                  {a.sentence}{' '}
                  <span className="muted small">
                    · importance {a.importance}, evidence {a.evidence} · {word(a.verdict || 'untested')}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}

/** The plan of a session: what, when, where, who runs it, and what it tests. */
export function SessionForm({
  initial,
  submitLabel,
  onSave,
}: {
  initial: SessionInput
  submitLabel: string
  onSave: (s: SessionInput) => Promise<void>
}) {
  const formats = useFormats()
  const [f, setF] = useState(initial)
  const [decisions, setDecisions] = useState<Decision[]>([])
  const [assumptions, setAssumptions] = useState<Assumption[]>([])
  const [saved, setSaved] = useState(false)
  const submit = useSubmit(fields, f)
  const { fail } = submit
  const preselect = useRef(initial.id === 0 && initial.assumptionIds.length === 0)

  useEffect(() => {
    sessionApi.listDecisions().then(setDecisions, () => {})
  }, [])
  useEffect(() => {
    if (!f.decisionId) return
    sessionApi.getDecision(f.decisionId).then((d) => {
      const as = d.assumptions ?? []
      setAssumptions(as)
      // A new plan starts from the decision's riskiest assumptions.
      if (preselect.current)
        setF((s) => ({
          ...s,
          assumptionIds: riskiest(as, TOP_ASSUMPTIONS).map((a) => a.id),
          title: s.title || `${d.decision.title} – assumption test`,
        }))
    }, fail)
  }, [f.decisionId, fail])

  const set = <K extends keyof SessionInput>(k: K, v: SessionInput[K]) => {
    setF((s) => ({ ...s, [k]: v }))
    setSaved(false)
  }
  const text = (
    k: 'title' | 'customerTitle' | 'scheduledOn' | 'startTime' | 'place' | 'facilitator' | 'noteTaker' | 'agenda',
  ) => ({
    value: f[k],
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
  })
  const format = formats.find((x) => x.key === (f.format || 'assumption_testing'))

  const save = async () => {
    await onSave(f)
    setSaved(true)
  }

  return (
    <form className="member-form session-form" onSubmit={submit.handle(save)} noValidate aria-label="Session plan">
      <fieldset>
        <legend>What</legend>
        <div className="grid-2">
          <Field label="Title" error={submit.fieldError('title')} className="span-2">
            {(p) => <input {...p} {...text('title')} required />}
          </Field>
          <Field
            label="Title for participants"
            hint="What the invitation calls it; the title above stays with the team"
            error={submit.fieldError('customerTitle')}
            className="span-2"
          >
            {(p) => <input {...p} {...text('customerTitle')} />}
          </Field>
          <Field
            label="Decision"
            error={submit.fieldError('decisionId')}
            hint={decisions.length === 0 ? 'Create a decision first, under Decisions' : undefined}
          >
            {(p) => (
              <select
                {...p}
                value={f.decisionId || ''}
                onChange={(e) => {
                  preselect.current = true
                  set('decisionId', Number(e.target.value))
                }}
              >
                <option value="">Choose a decision…</option>
                {decisions.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Format"
            error={submit.fieldError('format')}
            hint={
              format
                ? `Recommended group size: ${format.min}–${format.max} people${format.key === 'prototype_testing' ? ' per concept' : ''}`
                : undefined
            }
          >
            {(p) => (
              <select {...p} value={f.format || 'assumption_testing'} onChange={(e) => set('format', e.target.value)}>
                {formats.map((x) => (
                  <option key={x.key} value={x.key}>
                    {formatLabel(x)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {!initial.id && <TemplatePreview format={f.format || 'assumption_testing'} />}
        </div>
      </fieldset>
      <fieldset>
        <legend>When and where</legend>
        <div className="grid-2">
          <Field label="Date" error={submit.fieldError('scheduledOn')}>
            {(p) => <input {...p} type="date" {...text('scheduledOn')} />}
          </Field>
          <Field label="Start time" error={submit.fieldError('startTime')}>
            {(p) => <input {...p} type="time" {...text('startTime')} />}
          </Field>
          <Field label="Duration (minutes)" error={submit.fieldError('durationMinutes')}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                step={15}
                value={f.durationMinutes || ''}
                onChange={(e) => set('durationMinutes', Number(e.target.value) || 0)}
              />
            )}
          </Field>
          <Field label="Place or call link" error={submit.fieldError('place')}>
            {(p) => <input {...p} {...text('place')} />}
          </Field>
          <Field
            label="Facilitator"
            hint="Name <address> makes them the calendar invitation's organizer"
            error={submit.fieldError('facilitator')}
          >
            {(p) => <input {...p} {...text('facilitator')} />}
          </Field>
          <Field label="Note taker" error={submit.fieldError('noteTaker')}>
            {(p) => <input {...p} {...text('noteTaker')} />}
          </Field>
          <Field label="Agenda" error={submit.fieldError('agenda')} className="span-2">
            {(p) => <textarea {...p} rows={4} {...text('agenda')} />}
          </Field>
        </div>
      </fieldset>
      <LineList
        legend="“How might we …” prompts"
        hint="Open questions to bring the group back to what matters."
        items={f.prompts ?? []}
        onChange={(v) => set('prompts', v)}
        addLabel="New prompt, e.g. How might we …"
        itemLabel="Prompt"
      />
      {submit.fieldError('prompts') && <p className="field-error">{submit.fieldError('prompts')}</p>}
      {f.opener && (
        <LineList
          legend="Opener for psychological safety"
          hint="Said at the start, so people speak freely. Tick them off in the run view."
          items={f.opener.map((o) => o.text)}
          onChange={(v) =>
            set(
              'opener',
              v.map((text, i) => ({ text, done: f.opener[i]?.text === text ? f.opener[i].done : false })),
            )
          }
          addLabel="New opener line"
          itemLabel="Opener line"
        />
      )}
      <AssumptionChooser
        assumptions={f.decisionId ? assumptions : []}
        ids={f.assumptionIds ?? []}
        onChange={(ids) => set('assumptionIds', ids)}
      />
      {submit.fieldError('assumptionIds') && <p className="field-error">{submit.fieldError('assumptionIds')}</p>}
      {submit.message && (
        <Alert tone="error" className="form-error">
          {submit.message}
        </Alert>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy || !f.decisionId}>
          {submitLabel}
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
