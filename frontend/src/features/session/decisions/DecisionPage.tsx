import { useMemo, useState } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type Assumption } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { formatDate } from '../../../components/hooks'
import { BackIcon, PlusIcon } from '../../../components/Icons'
import { NotFound } from '../../../components/NotFound'
import { PageHeader } from '../../../components/PageHeader'
import { RecordHistory } from '../../../components/RecordHistory'
import { href, navigate } from '../../../router'
import { assumptionNumber, TOP_ASSUMPTIONS, word } from '../labels'
import { FromOpportunity } from '../after/FromOpportunity'
import { AssumptionMap } from '../map/AssumptionMap'
import { useLoad } from '../useLoad'
import { AssumptionForm } from './AssumptionForm'
import { DecisionForm } from './DecisionForm'
import { DecisionLog } from './DecisionLog'

/** A decision: its question, its assumptions on the map, its sessions and its log. */
export function DecisionPage({ id }: { id: number }) {
  const { data, error, missing, reload } = useLoad(
    () => (id ? sessionApi.getDecision(id) : Promise.resolve(null)),
    [id],
  )
  const [editing, setEditing] = useState<number | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [confirm, setConfirm] = useState<number | null>(null)
  const [actionError, setActionError] = useState('')
  const assumptions = useMemo(() => data?.assumptions ?? [], [data])

  const back = (
    <a className="back-link" href={href('/sessions/decisions')}>
      <BackIcon /> All decisions
    </a>
  )

  if (!id) {
    return (
      <section className="page narrow" aria-label="New decision">
        {back}
        <PageHeader title="New decision" />
        <DecisionForm
          decision={null}
          onSave={async (d) => {
            const saved = await sessionApi.saveDecision(d)
            navigate(`/sessions/decision/${saved.id}`)
          }}
        />
      </section>
    )
  }
  if (!data && missing) {
    return (
      <NotFound title="Decision not found" ways={[{ path: '/sessions/decisions', label: 'All decisions' }]}>
        <p>There is no decision {id}: it may have been deleted, or the link is out of date.</p>
      </NotFound>
    )
  }
  if (!data) {
    return (
      <section className="page" aria-label="Decision">
        {back}
        {error ? (
          <Alert tone="error" title="This decision could not be opened">
            {error}
          </Alert>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    )
  }

  const d = data.decision
  async function remove(a: Assumption) {
    setActionError('')
    try {
      await sessionApi.deleteAssumption(a.id)
      setConfirm(null)
      await reload()
    } catch (e) {
      setActionError(errorMessage(e))
    }
  }

  return (
    <section className="page" aria-label={`Decision ${d.title}`}>
      {back}
      <PageHeader
        title={d.title}
        meta={
          <>
            {d.owner && <span>Owner: {d.owner}</span>}
            {d.deadline && <span>Deadline: {formatDate(d.deadline)}</span>}
            {d.lastOutcome && <span className={`outcome outcome-${d.lastOutcome}`}>{word(d.lastOutcome)}</span>}
          </>
        }
      >
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => navigate(`/sessions/new/${d.id}`)}
          disabled={assumptions.length === 0}
        >
          <PlusIcon /> Plan a session
        </button>
      </PageHeader>

      <div className="decision-layout">
        <div className="decision-main">
          <section className="card" aria-labelledby="assumptions-title">
            <h2 id="assumptions-title">Assumptions</h2>
            {assumptions.length > 0 && (
              <p className="guide">
                Test the top {TOP_ASSUMPTIONS} per session: the riskiest, marked{' '}
                <span className="top-mark">Top {TOP_ASSUMPTIONS}</span>, are important and have little evidence.
              </p>
            )}
            {assumptions.length === 0 ? (
              <p className="muted">No assumptions yet. What must be true for this decision to work?</p>
            ) : (
              <ol className="assumption-list">
                {assumptions.map((a) => (
                  <li key={a.id} className={`assumption-row${selected === a.id ? ' is-selected' : ''}`}>
                    {editing === a.id ? (
                      <div className="assumption-body">
                        <AssumptionForm
                          decisionId={d.id}
                          assumption={a}
                          onCancel={() => setEditing(null)}
                          onSave={async (input) => {
                            await sessionApi.saveAssumption(input)
                            setEditing(null)
                            await reload()
                          }}
                        />
                        <RecordHistory kind="assumption" id={a.id} name={`assumption ${assumptionNumber(a)}`} />
                      </div>
                    ) : (
                      <>
                        <span className="row-number" aria-hidden="true">
                          {assumptionNumber(a)}
                        </span>
                        <div className="assumption-body">
                          <p className="assumption-sentence">{a.sentence}</p>
                          <FromOpportunity from={a.fromOpportunity} />
                          <p className="assumption-meta">
                            <span className="tag">{word(a.category)}</span>
                            <span>Importance {a.importance}</span>
                            <span>Evidence {a.evidence}</span>
                            <span className={`verdict verdict-${a.verdict || 'untested'}`}>
                              {word(a.verdict || 'untested')}
                            </span>
                            {a.top && <span className="top-mark">Top {TOP_ASSUMPTIONS}</span>}
                          </p>
                        </div>
                        <div className="row-actions">
                          {confirm === a.id ? (
                            <>
                              <button type="button" className="btn btn-small btn-danger" onClick={() => remove(a)}>
                                Confirm delete
                              </button>
                              <button
                                type="button"
                                className="btn btn-small btn-quiet"
                                onClick={() => setConfirm(null)}
                              >
                                Keep
                              </button>
                            </>
                          ) : (
                            <>
                              <button type="button" className="btn btn-small" onClick={() => setEditing(a.id)}>
                                Edit<span className="sr-only"> assumption {assumptionNumber(a)}</span>
                              </button>
                              <button
                                type="button"
                                className="btn btn-small btn-quiet"
                                onClick={() => setConfirm(a.id)}
                              >
                                Delete<span className="sr-only"> assumption {assumptionNumber(a)}</span>
                              </button>
                            </>
                          )}
                        </div>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {actionError && <Alert tone="error">{actionError}</Alert>}
            <h3>Add an assumption</h3>
            <AssumptionForm
              decisionId={d.id}
              assumption={null}
              onSave={async (input) => {
                await sessionApi.saveAssumption(input)
                await reload()
              }}
            />
          </section>
          <DecisionForm
            decision={d}
            onSave={async (input) => {
              await sessionApi.saveDecision(input)
              await reload()
            }}
          />
        </div>
        <div className="decision-side">
          {assumptions.length > 0 && (
            <AssumptionMap
              title="Importance × evidence"
              points={assumptions.map((a) => ({ ...a, label: assumptionNumber(a) }))}
              selectedId={selected}
              onSelect={(aid) => setSelected(selected === aid ? null : aid)}
            />
          )}
          <section className="card" aria-labelledby="dsessions-title">
            <h2 id="dsessions-title">Sessions</h2>
            {(data.sessions ?? []).length === 0 ? (
              <p className="muted">Not tested in a session yet.</p>
            ) : (
              <ul className="plain-list">
                {(data.sessions ?? []).map((s) => (
                  <li key={s.id}>
                    <a href={href(`/sessions/plan/${s.id}`)}>{s.title}</a>{' '}
                    <span className="muted small">
                      {word(s.status)}
                      {s.scheduledOn && ` · ${formatDate(s.scheduledOn)}`} · {s.rated} of {s.assumptions} rated
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <DecisionLog decisionId={d.id} log={data.log ?? []} onChange={reload} />
          <RecordHistory kind="decision" id={d.id} name="this decision" />
        </div>
      </div>
    </section>
  )
}
