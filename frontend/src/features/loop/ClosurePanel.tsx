import type { Closure } from '../../api/loop'
import { href } from '../../router'
import { percent } from './labels'

/** "Heard back": the share of attended participants the team got back to, and who is still waiting. */
export function ClosurePanel({
  closure,
  title,
  showSessions,
}: {
  closure: Closure
  title: string
  showSessions?: boolean
}) {
  const id = `closure-${closure.sessionId}`
  const notYet = closure.notYet ?? []
  const bySession = closure.bySession ?? []
  return (
    <section className="card closure" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {closure.attended === 0 ? (
        <p className="muted">Nobody attended yet, so there is nobody to hear back.</p>
      ) : (
        <>
          <div className="closure-figure">
            <span className="stat-value" data-testid="closure-rate">
              {percent(closure.rate)}
            </span>
            <span className="closure-words">
              heard back {closure.heardBack} of {closure.eligible}
            </span>
          </div>
          <meter
            className="closure-meter"
            min={0}
            max={1}
            value={closure.rate}
            aria-label={`Loop closure ${percent(closure.rate)}`}
          />
          <p className="field-hint">{closure.definition}</p>
          {notYet.length === 0 ? (
            <p className="ok-text">Everyone has heard back.</p>
          ) : (
            <>
              <h3 className="small-heading" id={`${id}-notyet`}>
                Not heard back yet ({notYet.length})
              </h3>
              <ul className="plain-list closure-list" aria-labelledby={`${id}-notyet`}>
                {notYet.map((p) => (
                  <li key={`${p.sessionId}:${p.memberId}`}>
                    <a href={href(`/board/member/${p.memberId}`)}>{p.member}</a>
                    {showSessions && <span className="muted small"> · {p.session}</span>}
                    {!p.canContact ? (
                      <span className="flag-nocontact small"> · no contact consent (not counted)</span>
                    ) : p.planned ? (
                      <span className="muted small"> · a reminder is planned</span>
                    ) : (
                      <span className="rem-late small"> · nothing planned</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {showSessions && bySession.length > 0 && (
            <table className="table closure-table">
              <caption className="small-heading">By session</caption>
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  <th scope="col" className="num">
                    Heard back
                  </th>
                  <th scope="col" className="num">
                    Rate
                  </th>
                </tr>
              </thead>
              <tbody>
                {bySession.map((c) => (
                  <tr key={c.sessionId}>
                    <th scope="row">
                      <a href={href(`/sessions/after/${c.sessionId}`)}>{c.title}</a>
                    </th>
                    <td className="num">
                      {c.heardBack} of {c.eligible}
                    </td>
                    <td className="num">{percent(c.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}
