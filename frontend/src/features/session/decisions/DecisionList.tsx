import { sessionApi } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { formatDate } from '../../../components/hooks'
import { PlusIcon } from '../../../components/Icons'
import { PageHeader } from '../../../components/PageHeader'
import { href, navigate } from '../../../router'
import { word } from '../labels'
import { useLoad } from '../useLoad'
import { plural } from '../../../text'

/** The product questions the team must answer, nearest deadline first. */
export function DecisionList() {
  const { data, error } = useLoad(() => sessionApi.listDecisions(), [])
  const decisions = data ?? []
  return (
    <section className="page" aria-label="Decisions">
      <PageHeader title="Decisions" meta={data && <span>{plural(decisions.length, 'decision')}</span>}>
        <button type="button" className="btn btn-primary" onClick={() => navigate('/sessions/decision/new')}>
          <PlusIcon /> New decision
        </button>
      </PageHeader>
      <p className="lead">
        A decision is the product question the team must answer. Its assumptions are what must be true for one answer to
        work; sessions test the riskiest of them with the board.
      </p>
      {error && (
        <Alert tone="error" title="The decisions could not be loaded">
          {error}
        </Alert>
      )}
      {data && decisions.length === 0 && (
        <p className="empty-filtered">No decisions yet. Start with the question your team must answer next.</p>
      )}
      {decisions.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label="Decisions">
            <thead>
              <tr>
                <th scope="col">Decision</th>
                <th scope="col">Owner</th>
                <th scope="col">Deadline</th>
                <th scope="col" className="num">
                  Assumptions
                </th>
                <th scope="col" className="num">
                  Sessions
                </th>
                <th scope="col">Last outcome</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a href={href(`/sessions/decision/${d.id}`)}>{d.title}</a>
                  </th>
                  <td>{d.owner || <span className="muted">—</span>}</td>
                  <td>{formatDate(d.deadline) || <span className="muted">—</span>}</td>
                  <td className="num">{d.assumptions}</td>
                  <td className="num">{d.sessions}</td>
                  <td>
                    {d.lastOutcome ? (
                      <span className={`outcome outcome-${d.lastOutcome}`}>{word(d.lastOutcome)}</span>
                    ) : (
                      <span className="muted">Not decided</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
