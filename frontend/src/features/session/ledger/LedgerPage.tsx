import { useEffect, useMemo, useState } from 'react'
import { sessionApi, type Decision, type LedgerEntry, type LedgerQuery } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { formatDate } from '../../../components/hooks'
import { PageHeader } from '../../../components/PageHeader'
import { assumptionNumber, categories, TOP_ASSUMPTIONS, verdicts, word } from '../labels'
import { FromOpportunity } from '../after/FromOpportunity'
import { LedgerReactions } from './LedgerReactions'
import { AssumptionMap } from '../map/AssumptionMap'
import { TallyBar } from '../run/VerdictPanel'
import { useLoad } from '../useLoad'
import { ShareBackPanel } from '../../loop/ShareBackPanel'
import { plural } from '../../../text'

const countOrder = [...verdicts, 'untested'] as const

function EntryCard({ e, selected }: { e: LedgerEntry; selected: boolean }) {
  const a = e.assumption
  const n = assumptionNumber(a)
  const history = e.verdicts ?? []
  const moves = e.moves ?? []
  const quotes = e.quotes ?? []
  return (
    <li
      id={`ledger-${a.id}`}
      className={`ledger-entry${selected ? ' is-selected' : ''}`}
      aria-label={`Assumption ${n}`}
    >
      <div className="ledger-head">
        <span className="row-number" aria-hidden="true">
          {n}
        </span>
        <div>
          <p className="assumption-sentence">{a.sentence}</p>
          <FromOpportunity from={a.fromOpportunity} />
          <p className="assumption-meta">
            <span className={`verdict verdict-${a.verdict || 'untested'}`}>{word(a.verdict || 'untested')}</span>
            <span className="tag">{word(a.category)}</span>
            <span>Importance {a.importance}</span>
            <span>Evidence {a.evidence}</span>
            <span className="muted">{e.decision}</span>
            {a.top && <span className="top-mark">Top {TOP_ASSUMPTIONS}</span>}
          </p>
        </div>
      </div>
      <div className="ledger-body">
        <div>
          <h3 className="small-heading">Stances over all sessions</h3>
          <TallyBar tally={e.tally} label="Stances over all sessions" />
        </div>
        {history.length > 0 && (
          <div>
            <h3 className="small-heading">Verdicts</h3>
            <ol className="verdict-history">
              {history.map((v) => (
                <li key={`${v.sessionId}:${v.decidedAt}`}>
                  <span className={`verdict verdict-${v.verdict}`}>{word(v.verdict)}</span>{' '}
                  <span className="muted small">
                    {formatDate(v.decidedAt)} · confidence {v.confidence}
                  </span>
                  {v.rationale && <span className="small"> — {v.rationale}</span>}
                </li>
              ))}
            </ol>
          </div>
        )}
        {(e.evidence ?? []).length > 0 && (
          <table className="table evidence-table">
            <caption className="small-heading">Evidence by segment</caption>
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col" className="num">
                  For
                </th>
                <th scope="col" className="num">
                  Partly
                </th>
                <th scope="col" className="num">
                  Against
                </th>
                <th scope="col" className="num">
                  Unsure
                </th>
              </tr>
            </thead>
            <tbody>
              {(e.evidence ?? []).map((x) => (
                <tr key={x.segment || 'none'}>
                  <th scope="row">{x.segment || 'No segment'}</th>
                  <td className={`num${x.for ? '' : ' zero'}`}>{x.for}</td>
                  <td className={`num${x.partly ? '' : ' zero'}`}>{x.partly}</td>
                  <td className={`num${x.against ? '' : ' zero'}`}>{x.against}</td>
                  <td className={`num${x.unsure ? '' : ' zero'}`}>{x.unsure}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LedgerReactions reactions={e.reactions} />
        {(e.placed || moves.length > 0) && (
          <div>
            <h3 className="small-heading">On the map</h3>
            <ol className="map-history">
              {e.placed && (
                <li>
                  Placed at importance {e.placed.importance}, evidence {e.placed.evidence}{' '}
                  <span className="muted small">· {formatDate(e.placed.movedAt)}</span>
                </li>
              )}
              {moves.map((m, i) => (
                <li key={i}>
                  Moved to importance {m.importance}, evidence {m.evidence}{' '}
                  <span className="muted small">
                    · {formatDate(m.movedAt)}
                    {m.note && ` · ${m.note}`}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        )}
        {a.verdict && <ShareBackPanel kind="assumption" id={a.id} label={a.behavior} />}
        <p className="small">
          <span className="muted">Sessions: </span>
          {(e.sessions ?? []).length ? (e.sessions ?? []).join(', ') : 'not tested yet'}
        </p>
        {quotes.length > 0 && (
          <details>
            <summary>{plural(quotes.length, 'quote')}</summary>
            <ul className="quote-list">
              {quotes.map((q) => (
                <li key={q.id} className="quote-item">
                  <blockquote>
                    “<bdi>{q.text}</bdi>”
                  </blockquote>
                  <p className="quote-by">
                    — {q.member || 'Unattributed'}
                    {q.segment && <span className="muted">, {q.segment}</span>}
                  </p>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </li>
  )
}

/** Every assumption across sessions: current verdict, evidence by segment, movement on the map. */
export function LedgerPage() {
  const [q, setQ] = useState<LedgerQuery>({ decisionId: 0, verdict: '', category: '' })
  const [decisions, setDecisions] = useState<Decision[]>([])
  const [selected, setSelected] = useState<number | null>(null)
  const { data, error } = useLoad(() => sessionApi.ledger(q), [q])
  useEffect(() => {
    sessionApi.listDecisions().then(setDecisions, () => {})
  }, [])
  const entries = useMemo(() => data?.entries ?? [], [data])
  const points = useMemo(
    () =>
      entries.map((e) => ({
        ...e.assumption,
        label: assumptionNumber(e.assumption),
        // The trail starts where the assumption was placed.
        moves: [...(e.placed ? [e.placed] : []), ...(e.moves ?? [])],
      })),
    [entries],
  )
  const select = (id: number) => {
    setSelected(id)
    document.getElementById(`ledger-${id}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }
  const filtered = q.decisionId !== 0 || q.verdict !== '' || q.category !== ''

  return (
    <section className="page" aria-label="Assumption ledger">
      <PageHeader
        title="Assumption ledger"
        meta={
          data && (
            <span aria-live="polite">
              {plural(entries.length, 'assumption')}
              {filtered && ' match'}
            </span>
          )
        }
      />
      <div className="toolbar">
        <label className="filter">
          <span>Decision</span>
          <select value={q.decisionId} onChange={(e) => setQ({ ...q, decisionId: Number(e.target.value) })}>
            <option value={0}>All decisions</option>
            {decisions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Verdict</span>
          <select value={q.verdict} onChange={(e) => setQ({ ...q, verdict: e.target.value })}>
            <option value="">Any verdict</option>
            {countOrder.map((v) => (
              <option key={v} value={v}>
                {word(v)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Category</span>
          <select value={q.category} onChange={(e) => setQ({ ...q, category: e.target.value })}>
            <option value="">Any category</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {word(c)}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => setQ({ decisionId: 0, verdict: '', category: '' })}
          >
            Clear filters
          </button>
        )}
      </div>
      {error && (
        <Alert tone="error" title="The ledger could not be loaded">
          {error}
        </Alert>
      )}
      {data && (
        <ul className="stats verdict-counts" aria-label="Assumptions by current verdict">
          {countOrder.map((v) => (
            <li key={v} className={`stat stat-${v}`}>
              <span className="stat-label">{word(v)}</span>
              <span className="stat-value" data-verdict={v}>
                {data.counts?.[v] ?? 0}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data && entries.length === 0 && <p className="empty-filtered">No assumptions match these filters.</p>}
      {entries.length > 0 && (
        <div className="ledger-layout">
          <div className="ledger-map">
            <AssumptionMap
              title="Importance × evidence, with each assumption’s movement"
              points={points}
              selectedId={selected}
              onSelect={select}
            />
            <p className="small muted">
              Trails show where an assumption stood before: verdicts and new evidence move it on the map.
            </p>
          </div>
          <ol className="ledger-list" aria-label="Assumptions">
            {entries.map((e) => (
              <EntryCard key={e.assumption.id} e={e} selected={selected === e.assumption.id} />
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
