import { useEffect, useState } from 'react'
import { loopApi, loopChanged } from '../../api/loop'
import { sessionApi, type Assumption } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { BackIcon } from '../../components/Icons'
import { NotFound } from '../../components/NotFound'
import { PageHeader } from '../../components/PageHeader'
import { RecordHistory } from '../../components/RecordHistory'
import { useSubmit } from '../../components/useSubmit'
import { href, navigate } from '../../router'
import { MemberPicker } from '../board/MemberPicker'
import { useLoad } from '../session/useLoad'
import { defaultOwner } from '../team/owners'
import { OwnerSelect } from '../team/OwnerSelect'
import { useRoster } from '../team/useRoster'
import { channels, defaultUntil, kinds, loopWord } from './labels'
import { blankForm, fromReminder, toInput, type FormValues } from './reminderForm'

const fields = [
  'title',
  'body',
  'kind',
  'channel',
  'dueAt',
  'repeatEvery',
  'repeatUnit',
  'memberId',
  'sessionId',
  'assumptionId',
  'decisionId',
  'owner',
] as const

/** Create or edit a reminder: what, when, how often, and what it is about. */
export function ReminderFormPage({ id }: { id: number }) {
  const settings = useLoad(() => loopApi.getSettings(), [])
  const existing = useLoad(() => (id ? loopApi.getReminder(id) : Promise.resolve(null)), [id])
  const sessions = useLoad(() => sessionApi.listSessions(), [])
  const decisions = useLoad(() => sessionApi.listDecisions(), [])
  const roster = useRoster()
  const [v, setV] = useState<FormValues | null>(null)
  const [loadedAssumptions, setAssumptions] = useState<Assumption[]>([])
  const submit = useSubmit(fields, v ?? {})

  // Start from the reminder, or from a blank form, once what it needs has loaded.
  if (!v) {
    if (id && existing.data) setV(fromReminder(existing.data))
    else if (!id && settings.data && roster)
      setV(blankForm(defaultUntil(new Date(), settings.data.dueHour), defaultOwner(roster)))
  }

  const decisionId = v?.decisionId ?? 0
  useEffect(() => {
    if (!decisionId) return
    let live = true
    sessionApi.getDecision(decisionId).then(
      (d) => live && setAssumptions(d.assumptions ?? []),
      () => {},
    )
    return () => {
      live = false
    }
  }, [decisionId])
  const assumptions = decisionId ? loadedAssumptions : []

  const back = (
    <a className="back-link" href={href('/followups')}>
      <BackIcon /> Follow-ups
    </a>
  )
  const loadError = existing.error || settings.error
  if (!v && existing.missing) {
    return (
      <NotFound title="Reminder not found" ways={[{ path: '/followups', label: 'Follow-ups' }]}>
        <p>There is no reminder {id}: it may have been deleted, or the link is out of date.</p>
      </NotFound>
    )
  }
  if (!v) {
    return (
      <section className="page" aria-label="Reminder">
        {back}
        {loadError ? (
          <Alert tone="error" title="The reminder could not be opened">
            {loadError}
          </Alert>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    )
  }
  const set = (patch: Partial<FormValues>) => setV({ ...v, ...patch })

  const save = async () => {
    const input = toInput(v, existing.data?.templateKey ?? '')
    if (id) await loopApi.updateReminder(id, input)
    else await loopApi.createReminder(input)
    loopChanged()
    navigate('/followups')
  }

  return (
    <section className="page" aria-label={id ? 'Edit reminder' : 'New reminder'}>
      {back}
      <PageHeader title={id ? 'Edit reminder' : 'New reminder'} />
      {existing.data?.noConsent && (
        <Alert tone="warning" title="No contact consent">
          {existing.data.member} may not be contacted at the moment. Check their consent before reaching out.
        </Alert>
      )}
      <form className="member-form narrow" onSubmit={submit.handle(save)} noValidate>
        <fieldset>
          <legend>What</legend>
          <div className="grid-2">
            <Field label="Title" error={submit.fieldError('title')} className="span-2">
              {(p) => <input {...p} value={v.title} onChange={(e) => set({ title: e.target.value })} required />}
            </Field>
            <Field label="What to do" error={submit.fieldError('body')} className="span-2">
              {(p) => <textarea {...p} rows={3} value={v.body} onChange={(e) => set({ body: e.target.value })} />}
            </Field>
            <Field label="Kind" error={submit.fieldError('kind')}>
              {(p) => (
                <select {...p} value={v.kind} onChange={(e) => set({ kind: e.target.value })}>
                  {kinds.map((k) => (
                    <option key={k} value={k}>
                      {loopWord(k)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="Channel"
              error={submit.fieldError('channel')}
              hint="How you will reach out; logged when you complete it."
            >
              {(p) => (
                <select {...p} value={v.channel} onChange={(e) => set({ channel: e.target.value })}>
                  {channels.map((c) => (
                    <option key={c} value={c}>
                      {loopWord(c)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {roster?.shared && (
              <Field label="Owner" error={submit.fieldError('owner')} hint="The teammate who follows it up.">
                {(p) => <OwnerSelect {...p} roster={roster} value={v.owner} onChange={(owner) => set({ owner })} />}
              </Field>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>When</legend>
          <div className="grid-2">
            <Field
              label="Due"
              error={submit.fieldError('dueAt')}
              hint={v.timeZone ? `Time zone ${v.timeZone}` : undefined}
            >
              {(p) => (
                <input
                  {...p}
                  type="datetime-local"
                  value={v.dueAt}
                  onChange={(e) => set({ dueAt: e.target.value })}
                  required
                />
              )}
            </Field>
            <fieldset className="choice">
              <legend>Repeats</legend>
              <div className="choice-options">
                <label className="choice-option">
                  <input type="radio" name="repeat" checked={!v.repeat} onChange={() => set({ repeat: false })} />
                  <span>One-off</span>
                </label>
                <label className="choice-option">
                  <input type="radio" name="repeat" checked={v.repeat} onChange={() => set({ repeat: true })} />
                  <span>Recurring</span>
                </label>
              </div>
            </fieldset>
            {v.repeat && (
              <div className="repeat-every span-2">
                <Field label="Every" error={submit.fieldError('repeatEvery')}>
                  {(p) => (
                    <input
                      {...p}
                      type="number"
                      min={1}
                      max={999}
                      value={v.repeatEvery}
                      onChange={(e) => set({ repeatEvery: Number(e.target.value) })}
                    />
                  )}
                </Field>
                <Field label="Unit" error={submit.fieldError('repeatUnit')}>
                  {(p) => (
                    <select
                      {...p}
                      value={v.repeatUnit}
                      onChange={(e) => set({ repeatUnit: e.target.value as FormValues['repeatUnit'] })}
                    >
                      <option value="day">{v.repeatEvery === 1 ? 'day' : 'days'}</option>
                      <option value="week">{v.repeatEvery === 1 ? 'week' : 'weeks'}</option>
                      <option value="month">{v.repeatEvery === 1 ? 'month' : 'months'}</option>
                    </select>
                  )}
                </Field>
              </div>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>About</legend>
          <div className="link-fields">
            <MemberPicker
              value={v.memberId}
              name={v.member}
              onChange={(memberId, member) => set({ memberId, member })}
            />
            {submit.fieldError('memberId') && <p className="field-error">{submit.fieldError('memberId')}</p>}
            <div className="grid-2">
              <Field label="Session" error={submit.fieldError('sessionId')}>
                {(p) => (
                  <select {...p} value={v.sessionId} onChange={(e) => set({ sessionId: Number(e.target.value) })}>
                    <option value={0}>None</option>
                    {(sessions.data ?? []).map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Decision" error={submit.fieldError('decisionId')}>
                {(p) => (
                  <select
                    {...p}
                    value={v.decisionId}
                    onChange={(e) => set({ decisionId: Number(e.target.value), assumptionId: 0 })}
                  >
                    <option value={0}>None</option>
                    {(decisions.data ?? []).map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                label="Assumption"
                error={submit.fieldError('assumptionId')}
                hint={v.decisionId ? undefined : 'Choose a decision first.'}
                className="span-2"
              >
                {(p) => (
                  <select
                    {...p}
                    value={v.assumptionId}
                    onChange={(e) => set({ assumptionId: Number(e.target.value) })}
                    disabled={!v.decisionId && !v.assumptionId}
                  >
                    <option value={0}>None</option>
                    {v.assumptionId > 0 && !assumptions.some((a) => a.id === v.assumptionId) && (
                      <option value={v.assumptionId}>
                        {existing.data?.assumption || `Assumption ${v.assumptionId}`}
                      </option>
                    )}
                    {assumptions.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.behavior}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </div>
        </fieldset>
        {submit.message && (
          <Alert tone="error" title="The reminder was not saved">
            {submit.message}
          </Alert>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={submit.busy}>
            {id ? 'Save reminder' : 'Create reminder'}
          </button>
          <a className="btn btn-quiet" href={href('/followups')}>
            Cancel
          </a>
        </div>
      </form>
      {id > 0 && <RecordHistory kind="reminder" id={id} name="this reminder" />}
    </section>
  )
}
