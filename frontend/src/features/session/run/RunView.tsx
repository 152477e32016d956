import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type Response, type Run, type VerdictInput } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { useFocusMode } from '../../../components/FocusMode'
import { href, navigate } from '../../../router'
import { clock, word } from '../labels'
import { liveTally } from '../tally'
import { SaveIndicator, useAutosave } from '../useAutosave'
import { runKey, shortcuts } from './keys'
import { ParticipantCard, type LocalQuote } from './ParticipantCard'
import { useAssumptionTimer } from './useTimer'
import { VerdictPanel } from './VerdictPanel'

type Field = 'stance' | 'needs' | 'reactions' | 'notes'
const rkey = (aid: number, mid: number) => `${aid}:${mid}`

/** Local state of a run: what the facilitator sees, ahead of the server by at most one debounce. */
interface RunState {
  responses: Record<string, Response>
  quotes: Record<number, (LocalQuote & { memberId: number })[]>
  verdicts: Record<number, VerdictInput & { rated: boolean }>
}

function fromRun(run: Run): RunState {
  const st: RunState = { responses: {}, quotes: {}, verdicts: {} }
  for (const it of run.items ?? []) {
    const aid = it.assumption.id
    for (const r of it.responses ?? []) st.responses[rkey(aid, r.memberId)] = r
    st.quotes[aid] = (it.quotes ?? []).map((q) => ({ key: `q${q.id}`, id: q.id, text: q.text, memberId: q.memberId }))
    const v = it.verdict
    st.verdicts[aid] = {
      sessionId: run.session.id,
      assumptionId: aid,
      verdict: v?.verdict ?? '',
      rationale: v?.rationale ?? '',
      confidence: v?.confidence || 3,
      rated: !!v,
    }
  }
  return st
}

let newQuotes = 0

/** The live run: one assumption at a time, every participant's answer saved as it is typed. */
export function RunView({ sessionId }: { sessionId: number }) {
  const [run, setRun] = useState<Run | null>(null)
  const [error, setError] = useState('')
  const [st, setSt] = useState<RunState>({ responses: {}, quotes: {}, verdicts: {} })
  const [pos, setPos] = useState(0)
  // The opener panel is open on the first assumption while items remain
  // unsaid, until the facilitator opens or closes it themselves.
  const [openerOpen, setOpenerOpen] = useState<boolean | null>(null)
  const [help, setHelp] = useState(false)
  const [focusQuote, setFocusQuote] = useState<string | null>(null)
  const [actionError, setActionError] = useState('')
  const { focus, setFocus } = useFocusMode()
  const { queue, status } = useAutosave(250)
  const quoteIds = useRef(new Map<string, number>())
  const heading = useRef<HTMLHeadingElement>(null)
  const moved = useRef(false)

  useEffect(() => {
    sessionApi.getRun(sessionId).then(
      (r) => {
        setRun(r)
        setSt(fromRun(r))
        for (const it of r.items ?? []) for (const q of it.quotes ?? []) quoteIds.current.set(`q${q.id}`, q.id)
        setPos(Math.min(Math.max(0, r.session.currentPosition), Math.max(0, (r.items ?? []).length - 1)))
      },
      (e) => setError(errorMessage(e)),
    )
  }, [sessionId])

  // The run is for a projector: no navigation while it is on screen.
  useEffect(() => {
    setFocus(true)
    return () => setFocus(false)
  }, [setFocus])

  const items = run?.items ?? []
  const item = items[pos]
  const aid = item?.assumption.id ?? 0
  const participants = useMemo(() => run?.session.participants ?? [], [run])

  const addTime = useCallback(
    (seconds: number) => {
      if (aid) sessionApi.addTime(sessionId, aid, Math.min(seconds, 3600)).catch(() => {})
    },
    [sessionId, aid],
  )
  const seconds = useAssumptionTimer(String(aid), item?.secondsSpent ?? 0, addTime)

  const go = useCallback(
    (next: number) => {
      if (!run || next < 0 || next >= items.length || next === pos) return
      void queue.flush()
      moved.current = true
      setPos(next)
      setFocusQuote(null)
      queue.set('position', next, (p) => sessionApi.setPosition(sessionId, p as number))
    },
    [run, items.length, pos, queue, sessionId],
  )

  useEffect(() => {
    // After moving, land on the new assumption so a screen reader reads it.
    if (moved.current) heading.current?.focus()
    moved.current = false
  }, [pos])

  const onField = useCallback(
    (memberId: number, field: Field, value: string) => {
      const k = rkey(aid, memberId)
      setSt((s) => {
        const cur = s.responses[k] ?? { id: 0, sessionId, assumptionId: aid, memberId, stance: '', needs: '', reactions: [], notes: '', themes: [], updatedAt: '' }
        const next = field === 'reactions' ? { ...cur, reactions: value ? value.split(',') : [] } : { ...cur, [field]: value }
        return { ...s, responses: { ...s.responses, [k]: next } }
      })
      queue.set(`${k}:${field}`, value, (v) => sessionApi.saveField({ sessionId, assumptionId: aid, memberId, field, value: v as string }))
    },
    [aid, queue, sessionId],
  )

  const saveQuote = useCallback(
    (memberId: number, key: string, text: string) => {
      const assumptionId = aid
      setSt((s) => ({ ...s, quotes: { ...s.quotes, [assumptionId]: (s.quotes[assumptionId] ?? []).map((q) => (q.key === key ? { ...q, text } : q)) } }))
      queue.set(`quote:${key}`, text, async (v) => {
        const t = v as string
        if (!t.trim()) return // a quote needs words; an emptied one stays until removed
        const q = await sessionApi.saveQuote({ id: quoteIds.current.get(key) ?? 0, sessionId, assumptionId, memberId, text: t })
        quoteIds.current.set(key, q.id)
      })
    },
    [aid, queue, sessionId],
  )

  const addQuote = useCallback(
    (memberId: number) => {
      const key = `new${++newQuotes}`
      setSt((s) => ({ ...s, quotes: { ...s.quotes, [aid]: [...(s.quotes[aid] ?? []), { key, id: 0, text: '', memberId }] } }))
      setFocusQuote(key)
    },
    [aid],
  )

  const deleteQuote = useCallback(
    async (key: string) => {
      const assumptionId = aid
      setSt((s) => ({ ...s, quotes: { ...s.quotes, [assumptionId]: (s.quotes[assumptionId] ?? []).filter((q) => q.key !== key) } }))
      // Drop its waiting save (a retry would bring it back), then wait for
      // any save in flight so a just-created quote has its id to delete.
      queue.cancel(`quote:${key}`)
      await queue.flush()
      const id = quoteIds.current.get(key)
      if (id) {
        quoteIds.current.delete(key)
        sessionApi.deleteQuote(id).catch((e) => setActionError(errorMessage(e)))
      }
    },
    [aid, queue],
  )

  const setStance = useCallback((memberId: number, stance: string) => onField(memberId, 'stance', stance), [onField])
  const flush = useCallback(() => void queue.flush(), [queue])

  const onVerdict = useCallback(
    (v: VerdictInput) => {
      const id = v.assumptionId
      setSt((s) => ({ ...s, verdicts: { ...s.verdicts, [id]: { ...v, rated: s.verdicts[id]?.rated || !!v.verdict } } }))
      if (v.verdict) {
        const input: VerdictInput = { sessionId: v.sessionId, assumptionId: id, verdict: v.verdict, rationale: v.rationale, confidence: v.confidence }
        queue.set(`verdict:${id}`, input, (x) => sessionApi.setVerdict(x as VerdictInput))
      }
    },
    [queue],
  )

  async function clearVerdict() {
    await queue.flush()
    try {
      await sessionApi.clearVerdict(sessionId, aid)
      setSt((s) => ({ ...s, verdicts: { ...s.verdicts, [aid]: { ...s.verdicts[aid], verdict: '', rationale: '', rated: false } } }))
    } catch (e) {
      setActionError(errorMessage(e))
    }
  }

  async function finish() {
    setActionError('')
    try {
      await queue.flush()
      if (queue.current.state === 'error') throw queue.current.error
      await sessionApi.finishSession(sessionId)
      navigate(`/sessions/after/${sessionId}`)
    } catch (e) {
      setActionError(errorMessage(e))
    }
  }

  async function checkOpener(index: number, done: boolean) {
    const tick = (d: boolean) =>
      setRun((r) => (r ? { ...r, session: { ...r.session, opener: (r.session.opener ?? []).map((o, i) => (i === index ? { ...o, done: d } : o)) } } : r))
    tick(done)
    try {
      const s = await sessionApi.checkOpener(sessionId, index, done)
      setRun((r) => (r ? { ...r, session: { ...r.session, opener: s.opener } } : r))
    } catch (e) {
      tick(!done)
      setActionError(errorMessage(e))
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const card = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-member]') : null
      const a = runKey(e, !!card)
      if (!a) return
      e.preventDefault()
      switch (a.type) {
        case 'next':
          return go(pos + 1)
        case 'previous':
          return go(pos - 1)
        case 'first':
          return go(0)
        case 'last':
          return go(items.length - 1)
        case 'help':
          return setHelp((h) => !h)
        case 'focus':
          return setFocus(!focus)
        case 'verdict': {
          const radios = [...document.querySelectorAll<HTMLInputElement>('.verdict-options input')]
          return (radios.find((r) => r.checked) ?? radios[0])?.focus()
        }
        case 'stance':
          if (!card) return
          setStance(Number(card.dataset.member), a.stance)
          // On the stance group itself, follow the choice, as arrow keys do.
          if (e.target instanceof HTMLInputElement && e.target.type === 'radio' && e.target.closest('.stance')) {
            card.querySelector<HTMLInputElement>(`.stance input[value="${a.stance}"]`)?.focus()
          }
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go, pos, items.length, focus, setFocus, setStance])

  if (!run) {
    return (
      <section className="page" aria-label="Run">
        {error ? <Alert tone="error" title="This session could not be opened">{error}</Alert> : <p className="muted">Loading…</p>}
      </section>
    )
  }

  const s = run.session
  const tally = liveTally(participants, (mid) => st.responses[rkey(aid, mid)]?.stance ?? '')
  const quotes = st.quotes[aid] ?? []
  const verdict = st.verdicts[aid] ?? { sessionId, assumptionId: aid, verdict: '', rationale: '', confidence: 3, rated: false }
  const opener = s.opener ?? []

  return (
    <section className="run" aria-label={`Run: ${s.title}`}>
      <header className="run-bar">
        <div className="run-title">
          <a className="back-link" href={href(`/sessions/plan/${sessionId}`)}>
            Plan
          </a>
          <h1>{s.title}</h1>
          {s.status !== 'running' && <span className="badge">{word(s.status)}</span>}
        </div>
        <div className="run-tools">
          <SaveIndicator status={status} />
          <span className="run-timer" title="Time on this assumption">
            <span className="sr-only">Time on this assumption: </span>
            {clock(seconds)}
          </span>
          <button type="button" className="btn btn-small" aria-expanded={help} aria-controls="run-keys" onClick={() => setHelp(!help)}>
            Keyboard
          </button>
          <button type="button" className="btn btn-small" aria-pressed={focus} onClick={() => setFocus(!focus)}>
            Focus mode
          </button>
          {s.status === 'running' ? (
            <button type="button" className="btn btn-small btn-primary" onClick={finish}>
              Finish session
            </button>
          ) : (
            <a className="btn btn-small" href={href(`/sessions/after/${sessionId}`)}>
              Synthesis
            </a>
          )}
        </div>
      </header>
      {help && (
        <div id="run-keys" className="run-keys" role="region" aria-label="Keyboard shortcuts">
          <dl>
            {shortcuts.map((k) => (
              <div key={k.keys}>
                <dt>
                  <kbd>{k.keys}</kbd>
                </dt>
                <dd>{k.what}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {actionError && <Alert tone="error">{actionError}</Alert>}
      {items.length === 0 ? (
        <Alert tone="info" title="Nothing to test">
          This session has no assumptions. Choose some in the plan.
        </Alert>
      ) : (
        <>
          {(opener.length > 0 || (s.prompts ?? []).length > 0) && (
            <details
              className="run-opener"
              open={openerOpen ?? (pos === 0 && opener.some((o) => !o.done))}
              onToggle={(e) => setOpenerOpen(e.currentTarget.open)}
            >
              <summary>
                Opener{opener.length > 0 && ` (${opener.filter((o) => o.done).length} of ${opener.length} said)`}
                {(s.prompts ?? []).length > 0 && ' and “How might we” prompts'}
              </summary>
              <div className="run-opener-body">
                {opener.length > 0 && (
                  <ul aria-label="Opener checklist">
                    {opener.map((o, i) => (
                      <li key={i}>
                        <label className="check">
                          <input
                            type="checkbox"
                            checked={o.done}
                            onChange={(e) => {
                              setOpenerOpen(true) // ticking the last item must not fold the panel away
                              checkOpener(i, e.target.checked)
                            }}
                          />
                          {o.text}
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
                {(s.prompts ?? []).length > 0 && (
                  <ul aria-label="How might we prompts" className="hmw-list">
                    {(s.prompts ?? []).map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                )}
              </div>
            </details>
          )}
          <nav className="run-nav" aria-label="Assumptions">
            <button type="button" className="btn" onClick={() => go(pos - 1)} disabled={pos === 0} aria-keyshortcuts="Alt+ArrowLeft">
              ← Previous
            </button>
            <p className="run-progress">
              Assumption <strong>{pos + 1}</strong> of {items.length}
            </p>
            <ol className="run-dots" aria-label="Jump to an assumption">
              {items.map((it, i) => (
                <li key={it.assumption.id}>
                  <button
                    type="button"
                    className={`run-dot${i === pos ? ' is-current' : ''}${st.verdicts[it.assumption.id]?.verdict ? ` dot-${st.verdicts[it.assumption.id].verdict}` : ''}`}
                    aria-current={i === pos ? 'step' : undefined}
                    aria-label={`Assumption ${i + 1}${st.verdicts[it.assumption.id]?.verdict ? `, ${word(st.verdicts[it.assumption.id].verdict)}` : ''}`}
                    onClick={() => go(i)}
                  >
                    {i + 1}
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" className="btn btn-primary" onClick={() => go(pos + 1)} disabled={pos === items.length - 1} aria-keyshortcuts="Alt+ArrowRight">
              Next →
            </button>
          </nav>
          <div className="run-stage">
            <div className="run-assumption">
              <p className="run-category">{word(item.assumption.category)}</p>
              <h2 className="run-sentence" tabIndex={-1} ref={heading}>
                {item.assumption.sentence}
              </h2>
              <ul className="run-prompts" aria-label="Ask">
                {(run.prompts ?? []).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
            <VerdictPanel assumptionId={aid} tally={tally} verdict={verdict} rated={verdict.rated} onChange={onVerdict} onClear={clearVerdict} />
          </div>
          <div className="pcards" aria-label="Participants" role="group">
            {participants.map((p) => (
              <ParticipantCard
                key={`${aid}:${p.memberId}`}
                participant={p}
                assumptionId={aid}
                response={st.responses[rkey(aid, p.memberId)] ?? { id: 0, sessionId, assumptionId: aid, memberId: p.memberId, stance: '', needs: '', reactions: [], notes: '', themes: [], updatedAt: '' }}
                quotes={quotes.filter((q) => q.memberId === p.memberId)}
                focusQuote={focusQuote}
                onField={onField}
                onQuote={saveQuote}
                onAddQuote={addQuote}
                onDeleteQuote={deleteQuote}
                onBlur={flush}
              />
            ))}
          </div>
          {participants.length === 0 && (
            <Alert tone="warning" title="No participants">
              Choose participants in the plan to record their answers.
            </Alert>
          )}
        </>
      )}
    </section>
  )
}
