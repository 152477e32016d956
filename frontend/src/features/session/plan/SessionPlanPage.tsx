import { useState } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type Participant } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { formatDate } from '../../../components/hooks'
import { BackIcon } from '../../../components/Icons'
import { PageHeader } from '../../../components/PageHeader'
import { RecordHistory } from '../../../components/RecordHistory'
import { href, navigate } from '../../../router'
import { participantStates, word } from '../labels'
import { AgendaEditor } from '../agenda/AgendaEditor'
import { SessionNotFound } from '../SessionNotFound'
import { useLoad } from '../useLoad'
import { InternalAttendees } from './InternalAttendees'
import { InvitationPanel } from './InvitationPanel'
import { ParticipantPicker } from './ParticipantPicker'
import { SessionForm, sessionToInput } from './SessionForm'
import { SessionRewards } from './SessionRewards'

function ParticipantStates({
  sessionId,
  participants,
  onChange,
}: {
  sessionId: number
  participants: Participant[]
  onChange: () => Promise<void>
}) {
  const [error, setError] = useState('')
  async function setState(p: Participant, state: string) {
    setError('')
    try {
      await sessionApi.setParticipantState(sessionId, p.memberId, state)
      await onChange()
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <section className="card" aria-labelledby="participants-title">
      <h2 id="participants-title">Participants</h2>
      <p className="muted small">Invited → confirmed → attended or no-show: set each as people answer.</p>
      {participants.length === 0 ? (
        <p className="muted">Nobody chosen yet.</p>
      ) : (
        <table className="table" aria-labelledby="participants-title">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Segment</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr key={p.memberId}>
                <th scope="row">
                  <a href={href(`/board/member/${p.memberId}`)}>
                    <bdi>{p.name}</bdi>
                  </a>
                  {!p.canContact && (
                    <span className="flag-nocontact">
                      {' '}
                      No contact consent,{' '}
                      <a href={href(`/board/member/${p.memberId}`)} aria-label={`Record consent for ${p.name}`}>
                        record it
                      </a>
                    </span>
                  )}
                </th>
                <td>{p.segment || <span className="muted">—</span>}</td>
                <td>
                  <select
                    aria-label={`State of ${p.name}`}
                    value={p.state}
                    onChange={(e) => setState(p, e.target.value)}
                  >
                    {participantStates.map((s) => (
                      <option key={s} value={s}>
                        {word(s)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

/** A session's plan: details, assumptions, participants; start, duplicate, delete. */
export function SessionPlanPage({ id }: { id: number }) {
  const { data: s, error, missing, reload } = useLoad(() => sessionApi.getSession(id), [id])
  const { data: picker, reload: reloadPicker } = useLoad(() => sessionApi.picker(id), [id])
  const [actionError, setActionError] = useState('')
  const [busy, setBusy] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [planVersion, setPlanVersion] = useState(0)

  const back = (
    <a className="back-link" href={href('/sessions')}>
      <BackIcon /> All sessions
    </a>
  )
  if (!s && missing) return <SessionNotFound id={id} />
  if (!s) {
    return (
      <section className="page" aria-label="Session">
        {back}
        {error ? (
          <Alert tone="error" title="This session could not be opened">
            {error}
          </Alert>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    )
  }

  const refresh = async () => {
    await Promise.all([reload(), reloadPicker()])
  }
  async function act(fn: () => Promise<void>) {
    setBusy(true)
    setActionError('')
    try {
      await fn()
    } catch (e) {
      setActionError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const start = () =>
    act(async () => {
      await sessionApi.startSession(id)
      navigate(`/sessions/run/${id}`)
    })
  const duplicate = () =>
    act(async () => {
      const copy = await sessionApi.duplicateSession(id)
      navigate(`/sessions/plan/${copy.id}`)
    })
  const remove = () =>
    act(async () => {
      await sessionApi.deleteSession(id)
      navigate('/sessions')
    })

  return (
    <section className="page" aria-label={`Session ${s.title}`}>
      {back}
      <PageHeader
        title={s.title}
        meta={
          <>
            <span className={`session-status status-${s.status}`}>{word(s.status)}</span>
            <a href={href(`/sessions/decision/${s.decisionId}`)}>{s.decision}</a>
            {s.scheduledOn && (
              <span>
                {formatDate(s.scheduledOn)}
                {s.startTime && `, ${s.startTime}`}
                {s.durationMinutes > 0 && ` · ${s.durationMinutes} min`}
              </span>
            )}
          </>
        }
      >
        {s.status === 'planned' && (
          <button type="button" className="btn btn-primary" onClick={start} disabled={busy}>
            Start session
          </button>
        )}
        {s.status === 'running' && (
          <a className="btn btn-primary" href={href(`/sessions/run/${id}`)}>
            Resume run
          </a>
        )}
        {s.status === 'finished' && (
          <a className="btn btn-primary" href={href(`/sessions/after/${id}`)}>
            Synthesis
          </a>
        )}
        <button type="button" className="btn" onClick={duplicate} disabled={busy}>
          Duplicate as template
        </button>
        {s.status === 'planned' &&
          (confirmDelete ? (
            <>
              <button type="button" className="btn btn-danger" onClick={remove} disabled={busy}>
                Delete this session
              </button>
              <button type="button" className="btn btn-quiet" onClick={() => setConfirmDelete(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-quiet" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          ))}
      </PageHeader>
      {actionError && <Alert tone="error">{actionError}</Alert>}
      {s.sizeAdvice && (
        <Alert tone="warning" title="Before you start">
          {s.sizeAdvice}
        </Alert>
      )}
      <div className="plan-layout">
        <SessionForm
          initial={sessionToInput(s)}
          submitLabel="Save plan"
          onSave={async (input) => {
            await sessionApi.saveSession(input)
            await refresh()
            setPlanVersion((v) => v + 1)
          }}
        />
        <div className="plan-side">
          <ParticipantStates sessionId={id} participants={s.participants ?? []} onChange={refresh} />
          {s.status === 'planned' && <InvitationPanel session={s} />}
          <RecordHistory kind="session" id={id} name="this session" />
        </div>
      </div>
      <AgendaEditor
        sessionId={id}
        durationMinutes={s.durationMinutes}
        finished={s.status === 'finished'}
        version={planVersion}
      />
      {picker && s.status !== 'finished' && <ParticipantPicker sessionId={id} picker={picker} onChange={refresh} />}
      <div className="plan-layout">
        <SessionRewards session={s} />
        <InternalAttendees session={s} />
      </div>
    </section>
  )
}
