import { useEffect, useState } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type MemberSession } from '../../../api/session'
import { formatDate } from '../../../components/hooks'
import { href } from '../../../router'
import { label } from '../labels'

/** The sessions this member took part in, with their quotes. */
export function MemberSessions({ memberId }: { memberId: number }) {
  const [sessions, setSessions] = useState<MemberSession[] | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    sessionApi.memberSessions(memberId).then(setSessions, (e) => setError(errorMessage(e)))
  }, [memberId])

  return (
    <section className="card" aria-labelledby="msessions-title">
      <h2 id="msessions-title">Sessions</h2>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {sessions && sessions.length === 0 && <p className="muted">Not in a session yet.</p>}
      {sessions && sessions.length > 0 && (
        <ul className="timeline">
          {sessions.map((s) => (
            <li key={s.sessionId} className="tl-item">
              <div className="tl-head">
                <span className="tl-type">{label(s.state)}</span>
                {s.scheduledOn && <time dateTime={s.scheduledOn}>{formatDate(s.scheduledOn)}</time>}
              </div>
              <p className="tl-title">
                <a href={href(`/sessions/plan/${s.sessionId}`)}>{s.title}</a>
              </p>
              {(s.quotes ?? []).map((q) => (
                <blockquote key={q.id} className="tl-detail member-quote">
                  “<bdi>{q.text}</bdi>”
                </blockquote>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
