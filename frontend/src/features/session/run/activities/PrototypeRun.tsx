import { useState } from 'react'
import type { Participant } from '../../../../api/session'
import { formatSeconds, parseSeconds, summarizeTask } from '../../agenda/logic'
import type { Entries } from '../../agenda/useEntries'
import { ScoreSelect } from './ScoreSelect'
import { itemsOf, type ActivityProps } from './types'

const results = [
  { value: '', label: '—' },
  { value: 'success', label: 'Success' },
  { value: 'partial', label: 'Partial' },
  { value: 'fail', label: 'Fail' },
]

/** A time typed as seconds or m:ss, saved once it reads as one. */
function TimeField({ id, seconds, onSeconds }: { id: string; seconds: number; onSeconds: (s: number) => void }) {
  const [text, setText] = useState(formatSeconds(seconds))
  const parsed = parseSeconds(text)
  return (
    <div className="field field-narrow">
      <label htmlFor={id}>Time</label>
      <input
        id={id}
        inputMode="numeric"
        value={text}
        placeholder="m:ss"
        aria-describedby={`${id}-hint`}
        aria-invalid={parsed === null ? true : undefined}
        onChange={(e) => {
          setText(e.target.value)
          const s = parseSeconds(e.target.value)
          if (s !== null) onSeconds(s)
        }}
      />
      <span id={`${id}-hint`} className={parsed === null ? 'field-error' : 'sr-only'}>
        {parsed === null ? 'Type seconds (95) or minutes and seconds (1:35)' : 'Seconds or m:ss'}
      </span>
    </div>
  )
}

/** One participant's go at every task on one variant, and the variant they prefer. */
function Tester({
  activityId,
  p,
  variantId,
  tasks,
  variants,
  entries,
}: {
  activityId: number
  p: Participant
  variantId: number
  tasks: { id: number; text: string }[]
  variants: { id: number; text: string }[]
  entries: Entries
}) {
  const base = `pt-${activityId}-${p.memberId}-${variantId}`
  const pref = entries.get(`p:${activityId}:${p.memberId}`)
  return (
    <section className="pcard" aria-labelledby={`${base}-name`} data-member={p.memberId}>
      <h3 id={`${base}-name`}>
        <bdi>{p.name}</bdi>
      </h3>
      {tasks.map((t) => {
        const slot = (kind: string) => ({ activityId, kind, itemId: t.id, variantId, memberId: p.memberId })
        const f = `${base}-${t.id}`
        return (
          <fieldset key={t.id} className="pt-task">
            <legend>{t.text}</legend>
            <div className="pt-row">
              <div className="field field-narrow">
                <label htmlFor={`${f}-result`}>Result</label>
                <select
                  id={`${f}-result`}
                  value={entries.slot(slot('result'))?.text ?? ''}
                  onChange={(e) => entries.setSlot(slot('result'), e.target.value, 0)}
                >
                  {results.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </div>
              <TimeField
                id={`${f}-time`}
                seconds={entries.slot(slot('seconds'))?.value ?? 0}
                onSeconds={(s) => entries.setSlot(slot('seconds'), '', s)}
              />
              <div className="field field-narrow">
                <label htmlFor={`${f}-ease`}>Ease (1–7)</label>
                <ScoreSelect
                  id={`${f}-ease`}
                  max={7}
                  value={entries.slot(slot('ease'))?.value ?? 0}
                  onScore={(v) => entries.setSlot(slot('ease'), '', v)}
                />
              </div>
            </div>
            <div className="field">
              <label htmlFor={`${f}-obs`}>Observations</label>
              <textarea
                id={`${f}-obs`}
                rows={2}
                value={entries.slot(slot('observation'))?.text ?? ''}
                onChange={(e) => entries.setSlot(slot('observation'), e.target.value, 0)}
              />
            </div>
          </fieldset>
        )
      })}
      <div className="pt-row">
        <div className="field field-narrow">
          <label htmlFor={`${base}-pref`}>Preferred variant</label>
          <select
            id={`${base}-pref`}
            value={pref?.variantId ?? 0}
            onChange={(e) => entries.setPreference(activityId, p.memberId, Number(e.target.value), pref?.text ?? '')}
          >
            <option value={0}>—</option>
            {variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${base}-why`}>Why that variant</label>
          <input
            id={`${base}-why`}
            value={pref?.text ?? ''}
            disabled={!pref?.variantId}
            onChange={(e) => entries.setPreference(activityId, p.memberId, pref?.variantId ?? 0, e.target.value)}
          />
        </div>
      </div>
    </section>
  )
}

/** A prototype test: per variant, every participant's result, time, ease and observations per task. */
export function PrototypeRun({ activity: a, participants, entries }: ActivityProps) {
  const variants = itemsOf(a, 'variant')
  const tasks = itemsOf(a, 'task')
  const [chosen, setChosen] = useState(variants[0]?.id ?? 0)
  const variant = variants.some((v) => v.id === chosen) ? chosen : (variants[0]?.id ?? 0)
  if (variants.length === 0 || tasks.length === 0)
    return <p className="muted">Plan at least one variant and one task on the plan page first.</p>
  if (participants.length === 0) return <p className="muted">Nobody is here to test.</p>
  return (
    <div className="prototype">
      <div className="field field-narrow">
        <label htmlFor={`variant-${a.id}`}>Variant</label>
        <select id={`variant-${a.id}`} value={variant} onChange={(e) => setChosen(Number(e.target.value))}>
          {variants.map((v) => (
            <option key={v.id} value={v.id}>
              {v.text}
            </option>
          ))}
        </select>
      </div>
      <div className="pcards" role="group" aria-label="Participants">
        {participants.map((p) => (
          <Tester
            key={`${variant}:${p.memberId}`}
            activityId={a.id}
            p={p}
            variantId={variant}
            tasks={tasks}
            variants={variants}
            entries={entries}
          />
        ))}
      </div>
      <Summary
        entries={entries.entries.filter((e) => e.activityId === a.id)}
        variant={variants.find((v) => v.id === variant)!}
        tasks={tasks}
      />
    </div>
  )
}

/** How each task went on the variant on screen: results, median time, mean ease. */
function Summary({
  entries,
  variant,
  tasks,
}: {
  entries: Parameters<typeof summarizeTask>[0]
  variant: { id: number; text: string }
  tasks: { id: number; text: string }[]
}) {
  return (
    <table className="table pt-summary">
      <caption>Results on {variant.text}</caption>
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Success</th>
          <th scope="col">Partial</th>
          <th scope="col">Fail</th>
          <th scope="col">Median time</th>
          <th scope="col">Mean ease</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((t) => {
          const r = summarizeTask(entries, variant.id, t.id)
          return (
            <tr key={t.id}>
              <th scope="row">{t.text}</th>
              <td>{r.success}</td>
              <td>{r.partial}</td>
              <td>{r.fail}</td>
              <td>{formatSeconds(r.medianSeconds) || '—'}</td>
              <td>{r.meanEase ? r.meanEase.toFixed(1) : '—'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
