import { useMemo, useState } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type RankedEntry, type SynthEntry } from '../../../api/session'
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
import { EntryItem } from './EntryItem'
import { Facts } from './Facts'
import { NextTests } from './NextTests'
import { Opportunities } from './Opportunities'
import { bySegment, hmwFromEntry } from './synthesis'
import { plural } from '../../../text'
import './synthesis.css'

/**
 * After the session, across its activities: verdicts and the next tests
 * they call for, what the activities showed next to the reactions noted,
 * every quote, note, idea, observation and answer by theme or segment
 * (tagged by keyboard), opportunities and actions.
 */
export function SynthesisPage({ sessionId }: { sessionId: number }) {
  const syn = useLoad(() => sessionApi.synthesis(sessionId), [sessionId])
  const run = useLoad(() => sessionApi.getRun(sessionId), [sessionId])
  const [by, setBy] = useState<'theme' | 'segment'>('theme')

  const data = syn.data
  // Every text entry once: the tagged ones from their themes, then the untagged.
  const allEntries = useMemo(() => {
    const m = new Map<number, SynthEntry>()
    for (const t of data?.themes ?? []) for (const e of t.entries ?? []) m.set(e.id, e)
    for (const e of data?.untagged ?? []) m.set(e.id, e)
    return [...m.values()].sort((a, b) => a.id - b.id)
  }, [data])
  const quotes = allEntries.filter((e) => e.kind === 'quote').length
  const themeNames = useMemo(() => (data?.themes ?? []).map((t) => t.name), [data])
  const items = run.data?.items ?? []

  // A pain point or idea becomes an opportunity that names it as its source.
  const [oppError, setOppError] = useState('')
  const makeOpportunity = async (r: RankedEntry) => {
    setOppError('')
    try {
      await sessionApi.saveOpportunity({
        id: 0,
        sessionId,
        hmw: hmwFromEntry(r.ranked.text),
        effort: 3,
        impact: 3,
        picked: false,
        sourceEntryId: r.ranked.entryId,
      })
      await syn.reload()
    } catch (e) {
      setOppError(errorMessage(e))
    }
  }
  const tagEntry = async (id: number, themes: string[]) => {
    await sessionApi.tagEntry(id, themes)
    await syn.reload()
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

  return (
    <section className="page" aria-label="Synthesis">
      {back}
      <PageHeader
        title={`Synthesis: ${s?.title ?? ''}`}
        meta={
          <>
            <span className={`session-status status-${s?.status}`}>{word(s?.status ?? '')}</span>
            {s?.finishedAt && <span>Finished {formatDate(s.finishedAt)}</span>}
            <span>{plural(quotes, 'quote')}</span>
            <span>{plural(allEntries.length, 'entry', 'entries')}</span>
          </>
        }
      >
        <a className="btn" href={href(`/sessions/run/${sessionId}`)}>
          Open run view
        </a>
        <a className="btn" href={href(`/sessions/transcripts/${sessionId}`)}>
          Transcripts
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

      {items.length > 0 && (
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
      )}

      <NextTests items={data.nextTests ?? []} />

      <Facts
        activities={data.activities ?? []}
        painPoints={data.painPoints ?? []}
        ideas={data.ideas ?? []}
        tasks={data.tasks ?? []}
        ratings={data.ratings ?? []}
        onOpportunity={makeOpportunity}
      />
      {oppError && (
        <p className="error-text" role="alert">
          {oppError}
        </p>
      )}

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
              <p className="muted">
                No themes yet. Tag quotes, notes, ideas and observations below; each tag becomes a theme.
              </p>
            )}
            <div className="themes">
              {(data.themes ?? []).map((t) => (
                <section key={t.name} className="theme" aria-label={`Theme ${t.name}`}>
                  <h3>
                    {t.name}{' '}
                    <span className="muted small">({plural((t.entries ?? []).length, 'entry', 'entries')})</span>
                  </h3>
                  <p className="small muted">
                    {Object.entries(t.bySegment ?? {})
                      .map(([seg, n]) => `${seg || 'No segment'}: ${n}`)
                      .join(' · ')}
                  </p>
                  <ul className="quote-list">
                    {(t.entries ?? []).map((e) => (
                      <EntryItem key={e.id} e={e} onTag={tagEntry} />
                    ))}
                  </ul>
                </section>
              ))}
            </div>
            <h3 className="section-title">Untagged</h3>
            {(data.untagged ?? []).length === 0 ? (
              <p className="muted">Everything said carries a theme.</p>
            ) : (
              <ul className="quote-list" aria-label="Untagged">
                {(data.untagged ?? []).map((e) => (
                  <EntryItem key={e.id} e={e} onTag={tagEntry} />
                ))}
              </ul>
            )}
          </>
        ) : (
          <div className="themes">
            {bySegment(allEntries).map(([seg, es]) => (
              <section key={seg} className="theme" aria-label={`Segment ${seg}`}>
                <h3>
                  {seg} <span className="muted small">({plural(es.length, 'entry', 'entries')})</span>
                </h3>
                <ul className="quote-list">
                  {es.map((e) => (
                    <EntryItem key={e.id} e={e} onTag={tagEntry} />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>

      <div className="after-layout">
        <Opportunities
          sessionId={sessionId}
          decisionId={data.decisionId}
          items={data.opportunities ?? []}
          advice={data.advice}
          onChange={syn.reload}
        />
        <Actions sessionId={sessionId} items={data.actions ?? []} onChange={syn.reload} />
      </div>
    </section>
  )
}
