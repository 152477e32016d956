import { useState } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type SessionItem } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { formatDate } from '../../../components/hooks'
import { PlusIcon } from '../../../components/Icons'
import { PageHeader } from '../../../components/PageHeader'
import { href, navigate } from '../../../router'
import { word } from '../labels'
import { useLoad } from '../useLoad'
import { plural } from '../../../text'

const groups = [
  { status: 'running', title: 'Running now' },
  { status: 'planned', title: 'Upcoming' },
  { status: 'finished', title: 'Finished' },
] as const

function nextStep(s: SessionItem) {
  if (s.status === 'running') return { to: `/sessions/run/${s.id}`, text: 'Resume run' }
  if (s.status === 'finished') return { to: `/sessions/after/${s.id}`, text: 'Synthesis' }
  return { to: `/sessions/plan/${s.id}`, text: 'Open plan' }
}

/** Every session: running, upcoming and finished. */
export function SessionList() {
  const { data, error, reload } = useLoad(() => sessionApi.listSessions(), [])
  const [busy, setBusy] = useState(false)
  const [demoError, setDemoError] = useState('')

  async function loadDemo() {
    setBusy(true)
    setDemoError('')
    try {
      await sessionApi.loadDemo()
      await reload()
    } catch (e) {
      setDemoError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const sessions = data ?? []
  return (
    <section className="page" aria-label="Sessions">
      <PageHeader title="Sessions" meta={data && <span>{plural(sessions.length, 'session')}</span>}>
        <button type="button" className="btn btn-primary" onClick={() => navigate('/sessions/new')}>
          <PlusIcon /> Plan a session
        </button>
      </PageHeader>
      {error && (
        <Alert tone="error" title="The sessions could not be loaded">
          {error}
        </Alert>
      )}
      {data && sessions.length === 0 && (
        <div className="empty">
          <h2>No sessions yet</h2>
          <p>
            A session tests the top assumptions behind one decision with 4–6 board members. Start from a decision and
            its assumptions, or look around with sample sessions first.
          </p>
          <div className="empty-actions">
            <button type="button" className="btn btn-primary" onClick={() => navigate('/sessions/new')}>
              Plan a session
            </button>
            <button type="button" className="btn" onClick={loadDemo} disabled={busy}>
              {busy ? 'Loading…' : 'Load sample sessions'}
            </button>
          </div>
          {demoError && (
            <p className="error-text" role="alert">
              {demoError}
            </p>
          )}
        </div>
      )}
      {groups.map((g) => {
        const rows = sessions.filter((s) => s.status === g.status)
        if (rows.length === 0) return null
        const id = `sessions-${g.status}`
        return (
          <div key={g.status} className="session-group">
            <h2 id={id} className="section-title">
              {g.title} <span className="muted">({rows.length})</span>
            </h2>
            <div className="table-scroll">
              <table className="table" aria-labelledby={id}>
                <thead>
                  <tr>
                    <th scope="col">Session</th>
                    <th scope="col">Decision</th>
                    <th scope="col">Format</th>
                    <th scope="col">Date</th>
                    <th scope="col" className="num">
                      People
                    </th>
                    <th scope="col" className="num">
                      Rated
                    </th>
                    <th scope="col">
                      <span className="sr-only">Next step</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => {
                    const step = nextStep(s)
                    return (
                      <tr key={s.id}>
                        <th scope="row">
                          <a href={href(`/sessions/plan/${s.id}`)}>{s.title}</a>
                        </th>
                        <td>
                          {s.decisionId ? <a href={href(`/sessions/decision/${s.decisionId}`)}>{s.decision}</a> : '—'}
                        </td>
                        <td>{word(s.format)}</td>
                        <td>
                          {formatDate(s.scheduledOn) || <span className="muted">Not set</span>}
                          {s.startTime && <span className="muted"> · {s.startTime}</span>}
                        </td>
                        <td className="num">{s.participants}</td>
                        <td className="num">
                          {s.rated} of {s.assumptions}
                        </td>
                        <td className="row-actions">
                          <a className="btn btn-small" href={href(step.to)}>
                            {step.text}
                            <span className="sr-only">: {s.title}</span>
                          </a>
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          </div>
        )
      })}
    </section>
  )
}
