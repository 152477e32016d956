import { useState } from 'react'
import { errorMessage } from '../../api'
import { loopApi, loopChanged, type Reminder, type SnoozeInput } from '../../api/loop'
import { formatDate } from '../../components/hooks'
import { NoContactIcon } from '../../components/Icons'
import { href } from '../../router'
import { CompleteForm } from './CompleteForm'
import { DraftPanel } from './DraftPanel'
import { dueLabel, loopWord, overdueLabel } from './labels'
import { SnoozeMenu } from './SnoozeMenu'
import { ownerText } from '../team/owners'

type Panel = '' | 'complete' | 'draft' | 'contact' | 'delete'

interface Props {
  r: Reminder
  today: string
  dueHour: number
  /** Called after a change, with a sentence to announce. */
  onChanged: (message: string) => Promise<void>
  /** Inside a chain's group: its title is a level lower. */
  nested?: boolean
}

/** One item of the tickler with what can be done to it. */
export function ReminderItem({ r, today, dueHour, onChanged, nested }: Props) {
  const [panel, setPanel] = useState<Panel>('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const done = !!r.doneAt
  const titleId = `rem-${r.virtual ? `m${r.memberId}` : r.id}`
  const Title = nested ? 'h4' : 'h3'
  const toggle = (p: Panel) => setPanel((cur) => (cur === p ? '' : p))

  async function run(fn: () => Promise<unknown>, message: string): Promise<boolean> {
    setBusy(true)
    setError('')
    try {
      await fn()
      loopChanged()
      setPanel('')
      await onChanged(message)
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }

  const snooze = (s: SnoozeInput) =>
    run(() => (r.virtual ? loopApi.snoozeStayInTouch(r.memberId, s) : loopApi.snooze(r.id, s)), `Snoozed: ${r.title}`)
  const overdue = !done ? overdueLabel(r.dueAt, today) : ''

  return (
    <li className={`rem${done ? ' rem-done' : ''}${overdue ? ' rem-overdue' : ''}`} aria-labelledby={titleId}>
      <div className="rem-row">
        <div className="rem-main">
          <Title className="rem-title" id={titleId}>
            {r.title}
          </Title>
          <p className="rem-meta">
            {done ? (
              <span>Done {formatDate(r.doneAt)}</span>
            ) : (
              <time dateTime={r.dueAt} className="rem-due">
                {dueLabel(r.dueAt, today)}
              </time>
            )}
            {overdue && <span className="rem-late">{overdue}</span>}
            {r.snoozed && !done && <span className="muted">snoozed</span>}
            <span className="tag">{loopWord(r.kind)}</span>
            {r.repeat && <span className="rem-repeat">Repeats {r.repeat}</span>}
            {r.owner && (
              <span className={r.mine ? 'rem-owner rem-mine' : 'rem-owner'}>Owner: {ownerText(r.owner, r.mine)}</span>
            )}
            {r.virtual && <span className="muted">cadence ran out</span>}
            {r.noConsent && (
              <span className="flag-nocontact">
                <NoContactIcon /> No contact consent
              </span>
            )}
          </p>
          <p className="rem-links">
            {r.memberId > 0 && <a href={href(`/board/member/${r.memberId}`)}>{r.member}</a>}
            {r.sessionId > 0 && <a href={href(`/sessions/after/${r.sessionId}`)}>{r.session}</a>}
            {r.decisionId > 0 && <a href={href(`/sessions/decision/${r.decisionId}`)}>{r.decision}</a>}
            {r.assumptionId > 0 && <span className="muted">Assumption: {r.assumption}</span>}
          </p>
          {r.body && <p className="rem-body">{r.body}</p>}
          {done && r.outcome && (
            <p className="rem-body">
              <span className="muted">Outcome: </span>
              {r.outcome}
            </p>
          )}
        </div>
        <div className="rem-actions">
          {done ? (
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => run(() => loopApi.reopen(r.id), `Reopened: ${r.title}`)}
            >
              Reopen<span className="sr-only"> {r.title}</span>
            </button>
          ) : r.virtual ? (
            <>
              <button
                type="button"
                className="btn btn-small btn-primary"
                aria-expanded={panel === 'contact'}
                onClick={() => toggle('contact')}
              >
                Log contact<span className="sr-only"> with {r.member}</span>
              </button>
              <SnoozeMenu title={r.title} dueAt={r.dueAt} dueHour={dueHour} onSnooze={snooze} disabled={busy} />
            </>
          ) : (
            <>
              <button
                type="button"
                className="btn btn-small btn-primary"
                aria-expanded={panel === 'complete'}
                onClick={() => toggle('complete')}
              >
                Complete<span className="sr-only"> {r.title}</span>
              </button>
              <SnoozeMenu title={r.title} dueAt={r.dueAt} dueHour={dueHour} onSnooze={snooze} disabled={busy} />
            </>
          )}
          {(r.outreach || r.virtual) && !done && (
            <button
              type="button"
              className="btn btn-small"
              aria-expanded={panel === 'draft'}
              onClick={() => toggle('draft')}
            >
              Draft<span className="sr-only"> for {r.title}</span>
            </button>
          )}
          {!r.virtual && (
            <>
              <a className="btn btn-small btn-quiet" href={href(`/followups/edit/${r.id}`)}>
                Edit<span className="sr-only"> {r.title}</span>
              </a>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                aria-expanded={panel === 'delete'}
                onClick={() => toggle('delete')}
              >
                Delete<span className="sr-only"> {r.title}</span>
              </button>
            </>
          )}
        </div>
      </div>
      {panel === 'complete' && (
        <CompleteForm
          label={`Complete ${r.title}`}
          submitLabel="Mark done"
          outreach={r.outreach}
          channel={r.channel}
          allowNone
          onCancel={() => setPanel('')}
          onDone={(outcome, via) => run(() => loopApi.complete(r.id, { outcome, via }), `Done: ${r.title}`)}
        />
      )}
      {panel === 'contact' && (
        <CompleteForm
          label={`Log contact with ${r.member}`}
          submitLabel="Log contact"
          outreach
          channel={r.channel}
          allowNone={false}
          onCancel={() => setPanel('')}
          onDone={(outcome, via) =>
            run(() => loopApi.logContact(r.memberId, { outcome, via }), `Logged contact with ${r.member}`)
          }
        />
      )}
      {panel === 'draft' && <DraftPanel reminder={r} onClose={() => setPanel('')} />}
      {panel === 'delete' && (
        <div className="inline-form rem-panel" role="group" aria-label={`Delete ${r.title}`}>
          <p>
            Delete this reminder{r.repeat ? ' and all its future occurrences' : ''}?{' '}
            {done && r.memberId > 0 ? 'The contact it logged stays in the timeline.' : ''}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-danger btn-small"
              disabled={busy}
              onClick={() => run(() => loopApi.deleteReminder(r.id), `Deleted: ${r.title}`)}
            >
              Delete reminder
            </button>
            <button type="button" className="btn btn-quiet btn-small" onClick={() => setPanel('')}>
              Keep
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
