import { useMemo, useState } from 'react'
import { sessionApi, type Quote, type Response } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { formatDate } from '../../../components/hooks'
import { BackIcon } from '../../../components/Icons'
import { PageHeader } from '../../../components/PageHeader'
import { href } from '../../../router'
import { word } from '../labels'
import { TallyBar } from '../run/VerdictPanel'
import { SessionNotFound } from '../SessionNotFound'
import { useLoad } from '../useLoad'
import { SessionFollowUps } from '../../loop/SessionFollowUps'
import { ShareBackPanel } from '../../loop/ShareBackPanel'
import { Actions } from './Actions'
import { Opportunities } from './Opportunities'
import { TagInput } from './TagInput'
import { plural } from '../../../text'

function QuoteItem({
  q,
  onTag,
  assumptionNo,
}: {
  q: Quote
  onTag: (id: number, themes: string[]) => Promise<void>
  assumptionNo: (id: number) => string
}) {
  return (
    <li className="quote-item">
      <blockquote>
        “<bdi>{q.text}</bdi>”
      </blockquote>
      <p className="quote-by">
        — {q.member || 'Unattributed'}
        {q.segment && <span className="muted">, {q.segment}</span>}
        {q.assumptionId > 0 && <span className="muted small"> · {assumptionNo(q.assumptionId)}</span>}
      </p>
      <TagInput
        key={(q.themes ?? []).join(',')}
        label={`Themes of the quote “${q.text.slice(0, 60)}”`}
        themes={q.themes ?? []}
        suggestions="sb-themes"
        onSave={(t) => onTag(q.id, t)}
      />
    </li>
  )
}

/** After the session: verdicts, quotes and notes by theme and segment, opportunities, actions. */
export function SynthesisPage({ sessionId }: { sessionId: number }) {
  const syn = useLoad(() => sessionApi.synthesis(sessionId), [sessionId])
  const run = useLoad(() => sessionApi.getRun(sessionId), [sessionId])
  const [by, setBy] = useState<'theme' | 'segment'>('theme')

  const data = syn.data
  const allQuotes = useMemo(() => {
    const m = new Map<number, Quote>()
    for (const t of data?.themes ?? []) for (const q of t.quotes ?? []) m.set(q.id, q)
    for (const q of data?.untagged ?? []) m.set(q.id, q)
    return [...m.values()].sort((a, b) => a.id - b.id)
  }, [data])
  const themeNames = useMemo(() => (data?.themes ?? []).map((t) => t.name), [data])
  const items = run.data?.items ?? []
  const participants = run.data?.session.participants ?? []
  const nameOf = (mid: number) => participants.find((p) => p.memberId === mid)?.name ?? 'Unknown'
  const assumptionNo = (aid: number) => {
    const i = items.findIndex((it) => it.assumption.id === aid)
    return i >= 0 ? `assumption ${i + 1}` : ''
  }
  const notes: (Response & { n: number })[] = items.flatMap((it, i) =>
    (it.responses ?? []).filter((r) => r.id > 0 && r.notes.trim()).map((r) => ({ ...r, n: i + 1 })),
  )

  const reload = async () => {
    await Promise.all([syn.reload(), run.reload()])
  }
  const tagQuote = async (id: number, themes: string[]) => {
    await sessionApi.tagQuote(id, themes)
    await syn.reload()
  }
  const tagNote = async (id: number, themes: string[]) => {
    await sessionApi.tagResponse(id, themes)
    await reload()
  }

  const s = run.data?.session
  const back = (
    <a className="back-link" href={href('/sessions')}>
      <BackIcon /> All sessions
    </a>
  )
  if ((!data || !run.data) && (syn.missing || run.missing)) return <SessionNotFound id={sessionId} />
  if (!data || !run.data) {
    return (
      <section className="page" aria-label="Synthesis">
        {back}
        {syn.error || run.error ? (
          <Alert tone="error" title="The synthesis could not be opened">
            {syn.error || run.error}
          </Alert>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    )
  }

  const bySegment = new Map<string, Quote[]>()
  for (const q of allQuotes)
    bySegment.set(q.segment || 'No segment', [...(bySegment.get(q.segment || 'No segment') ?? []), q])

  return (
    <section className="page" aria-label="Synthesis">
      {back}
      <PageHeader
        title={`Synthesis: ${s?.title ?? ''}`}
        meta={
          <>
            <span className={`session-status status-${s?.status}`}>{word(s?.status ?? '')}</span>
            {s?.finishedAt && <span>Finished {formatDate(s.finishedAt)}</span>}
            <span>{plural(allQuotes.length, 'quote')}</span>
          </>
        }
      >
        <a className="btn" href={href(`/sessions/run/${sessionId}`)}>
          Open run view
        </a>
        <a className="btn" href={href('/sessions/assumptions')}>
          Assumption ledger
        </a>
        <a className="btn" href={href(`/reports/session/${sessionId}`)}>
          Report
        </a>
      </PageHeader>
      <datalist id="sb-themes">
        {themeNames.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>

      {s?.status === 'finished' && <SessionFollowUps sessionId={sessionId} />}

      <section className="card" aria-labelledby="verdicts-title">
        <h2 id="verdicts-title">Verdicts</h2>
        <ol className="verdict-list">
          {items.map((it) => (
            <li key={it.assumption.id}>
              <p className="assumption-sentence">{it.assumption.sentence}</p>
              <div className="verdict-line">
                <span className={`verdict verdict-${it.verdict?.verdict || 'untested'}`}>
                  {it.verdict ? word(it.verdict.verdict) : 'Not rated'}
                </span>
                {it.verdict && <span className="muted small">confidence {it.verdict.confidence} of 5</span>}
                <TallyBar tally={it.tally} label="Stances" />
              </div>
              {it.verdict?.rationale && <p className="muted">{it.verdict.rationale}</p>}
              {it.verdict && s?.status === 'finished' && (
                <ShareBackPanel kind="assumption" id={it.assumption.id} label={it.assumption.behavior} />
              )}
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="quotes-title">
        <div className="card-head">
          <h2 id="quotes-title">Quotes and notes</h2>
          <fieldset className="choice inline-choice">
            <legend className="sr-only">Cluster by</legend>
            <div className="choice-options">
              {(['theme', 'segment'] as const).map((k) => (
                <label key={k} className="choice-option">
                  <input type="radio" name="cluster" checked={by === k} onChange={() => setBy(k)} />
                  <span>By {k}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        {by === 'theme' ? (
          <>
            {(data.themes ?? []).length === 0 && (
              <p className="muted">No themes yet. Tag quotes and notes below; each tag becomes a theme.</p>
            )}
            <div className="themes">
              {(data.themes ?? []).map((t) => (
                <section key={t.name} className="theme" aria-label={`Theme ${t.name}`}>
                  <h3>
                    {t.name}{' '}
                    <span className="muted small">
                      ({plural((t.quotes ?? []).length, 'quote')}, {plural((t.notes ?? []).length, 'note')})
                    </span>
                  </h3>
                  <p className="small muted">
                    {Object.entries(t.bySegment ?? {})
                      .map(([seg, n]) => `${seg || 'No segment'}: ${n}`)
                      .join(' · ')}
                  </p>
                  <ul className="quote-list">
                    {(t.quotes ?? []).map((q) => (
                      <QuoteItem key={q.id} q={q} onTag={tagQuote} assumptionNo={assumptionNo} />
                    ))}
                  </ul>
                  {(t.notes ?? []).length > 0 && (
                    <ul className="note-list">
                      {(t.notes ?? []).map((r) => (
                        <li key={r.id}>
                          <span className="strong">{nameOf(r.memberId)}:</span> {r.notes}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ))}
            </div>
            <h3 className="section-title">Untagged quotes</h3>
            {(data.untagged ?? []).length === 0 ? (
              <p className="muted">Every quote carries a theme.</p>
            ) : (
              <ul className="quote-list" aria-label="Untagged quotes">
                {(data.untagged ?? []).map((q) => (
                  <QuoteItem key={q.id} q={q} onTag={tagQuote} assumptionNo={assumptionNo} />
                ))}
              </ul>
            )}
          </>
        ) : (
          <div className="themes">
            {[...bySegment.entries()].map(([seg, qs]) => (
              <section key={seg} className="theme" aria-label={`Segment ${seg}`}>
                <h3>
                  {seg} <span className="muted small">({plural(qs.length, 'quote')})</span>
                </h3>
                <ul className="quote-list">
                  {qs.map((q) => (
                    <QuoteItem key={q.id} q={q} onTag={tagQuote} assumptionNo={assumptionNo} />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
        <h3 className="section-title">Notes</h3>
        {notes.length === 0 ? (
          <p className="muted">No notes were taken.</p>
        ) : (
          <ul className="quote-list" aria-label="Notes">
            {notes.map((r) => (
              <li key={r.id} className="quote-item">
                <p>{r.notes}</p>
                <p className="quote-by">
                  — {nameOf(r.memberId)} <span className="muted small">· assumption {r.n}</span>
                </p>
                <TagInput
                  key={(r.themes ?? []).join(',')}
                  label={`Themes of the note by ${nameOf(r.memberId)} on assumption ${r.n}`}
                  themes={r.themes ?? []}
                  suggestions="sb-themes"
                  onSave={(t) => tagNote(r.id, t)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="after-layout">
        <Opportunities
          sessionId={sessionId}
          items={data.opportunities ?? []}
          advice={data.advice}
          onChange={syn.reload}
        />
        <Actions sessionId={sessionId} items={data.actions ?? []} onChange={syn.reload} />
      </div>
    </section>
  )
}
