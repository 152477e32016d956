import { useState } from 'react'
import { loopApi, loopChanged, type LoopSettings } from '../../api/loop'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { PageHeader } from '../../components/PageHeader'
import { useSubmit } from '../../components/useSubmit'
import { useLoad } from '../session/useLoad'

const fields = [
  'thankYouHours',
  'afterthoughtsDays',
  'feedbackDays',
  'synthesisDays',
  'shareBackDays',
  'dueHour',
  'teamName',
  'timeZone',
] as const
type NumKey = 'thankYouHours' | 'afterthoughtsDays' | 'feedbackDays' | 'synthesisDays' | 'shareBackDays'

const offsets: { key: NumKey; label: string; unit: string; hint: string }[] = [
  {
    key: 'thankYouHours',
    label: 'Thank-you',
    unit: 'hours',
    hint: 'After the session ends; the method says within 24 hours.',
  },
  { key: 'feedbackDays', label: 'Ask for feedback on the session', unit: 'days', hint: '' },
  { key: 'afterthoughtsDays', label: 'Ask for afterthoughts', unit: 'days', hint: '' },
  {
    key: 'synthesisDays',
    label: 'Team synthesis',
    unit: 'days',
    hint: 'Cluster insights, pick the top 3–5 opportunities; within a week.',
  },
  { key: 'shareBackDays', label: 'Share back what changed', unit: 'days', hint: 'Within a month.' },
]

/** The follow-up chain's offsets, the hour reminders fall due and the team name drafts and reports use. */
export function SettingsPage() {
  const { data, error } = useLoad(() => loopApi.getSettings(), [])
  const [v, setV] = useState<LoopSettings | null>(null)
  const [saved, setSaved] = useState(false)
  const submit = useSubmit(fields, v ?? {})
  // Edit a copy of the settings once they have loaded.
  if (data && !v) setV(data)

  if (!v) {
    return (
      <section className="page" aria-label="Follow-up settings">
        <PageHeader title="Follow-up settings" />
        {error ? <Alert tone="error">{error}</Alert> : <p className="muted">Loading…</p>}
      </section>
    )
  }
  const set = (patch: Partial<LoopSettings>) => {
    setSaved(false)
    setV({ ...v, ...patch })
  }
  const save = async () => {
    setV(await loopApi.saveSettings(v))
    setSaved(true)
    loopChanged()
  }
  return (
    <section className="page" aria-label="Follow-up settings">
      <PageHeader title="Follow-up settings" />
      <form className="member-form narrow" onSubmit={submit.handle(save)} noValidate>
        <fieldset>
          <legend>Team</legend>
          <Field
            label="Team or product name"
            error={submit.fieldError('teamName')}
            hint="Signs the drafts ({{team}}) and heads every PDF report."
          >
            {(p) => (
              <input {...p} value={v.teamName} maxLength={120} onChange={(e) => set({ teamName: e.target.value })} />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Follow-up chain</legend>
          <p className="fieldset-hint">
            When a session finishes, the app proposes these steps, counted from when it ended.
          </p>
          <div className="grid-2">
            {offsets.map((o) => (
              <Field
                key={o.key}
                label={`${o.label} after (${o.unit})`}
                error={submit.fieldError(o.key)}
                hint={o.hint || undefined}
              >
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    min={1}
                    value={v[o.key]}
                    onChange={(e) => set({ [o.key]: Number(e.target.value) } as Partial<LoopSettings>)}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Timing</legend>
          <div className="grid-2">
            <Field
              label="Reminders fall due at (hour)"
              error={submit.fieldError('dueHour')}
              hint="0–23; day offsets and snoozes to tomorrow or next week use it."
            >
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  max={23}
                  value={v.dueHour}
                  onChange={(e) => set({ dueHour: Number(e.target.value) })}
                />
              )}
            </Field>
            <Field
              label="Time zone"
              error={submit.fieldError('timeZone')}
              hint="An IANA name such as Europe/Berlin; empty = this computer’s."
            >
              {(p) => <input {...p} value={v.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />}
            </Field>
          </div>
        </fieldset>
        {submit.message && (
          <Alert tone="error" title="The settings were not saved">
            {submit.message}
          </Alert>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={submit.busy}>
            Save settings
          </button>
          {saved && (
            <span className="saved" role="status">
              Saved
            </span>
          )}
        </div>
      </form>
    </section>
  )
}
