import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { errorCode, errorMessage } from '../../../api'
import { Stance } from '../../../api/enums'
import { sessionApi, type Attendance, type Response, type Run, type VerdictInput } from '../../../api/session'
import { useFocusMode } from '../../../components/FocusMode'
import { navigate } from '../../../router'
import { useAutosave } from '../useAutosave'
import { runKey } from './keys'
import type { LocalQuote } from './ParticipantCard'
import { useAssumptionTimer } from './useTimer'

type Field = 'stance' | 'needs' | 'reactions' | 'notes'
const rkey = (aid: number, mid: number) => `${aid}:${mid}`

/** A verdict as the run view holds it: rated once a verdict was ever chosen. */
export type LocalVerdict = VerdictInput & { rated: boolean }

/** Local state of a run: what the facilitator sees, ahead of the server by at most one debounce. */
interface RunState {
  responses: Record<string, Response>
  quotes: Record<number, (LocalQuote & { memberId: number })[]>
  verdicts: Record<number, LocalVerdict>
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

const fields: Field[] = ['stance', 'needs', 'reactions', 'notes']

/**
 * The run state read again, merged with the one on screen: every answer
 * field and quote typed here and not saved yet (pending) keeps its local
 * value; the rest comes from the server (what the room wrote). Verdicts
 * are the facilitator's alone and stay as they are here.
 */
export function mergeRunState(local: RunState, remote: RunState, pending: (key: string) => boolean): RunState {
  const responses = { ...remote.responses }
  for (const [k, mine] of Object.entries(local.responses)) {
    const theirs = responses[k]
    if (!theirs) {
      if (fields.some((f) => pending(`${k}:${f}`))) responses[k] = mine
      continue
    }
    const merged = { ...theirs }
    for (const f of fields) if (pending(`${k}:${f}`)) Object.assign(merged, { [f]: mine[f] })
    responses[k] = merged
  }
  const quotes: RunState['quotes'] = {}
  for (const aid of new Set([...Object.keys(local.quotes), ...Object.keys(remote.quotes)].map(Number))) {
    const theirs = remote.quotes[aid] ?? []
    const used = new Set<number>()
    const list = (local.quotes[aid] ?? []).flatMap((q) => {
      const r = q.id ? theirs.find((x) => x.id === q.id) : undefined
      if (r) used.add(r.id)
      if (pending(`quote:${q.key}`) || !q.id) return [q]
      return r ? [{ ...q, text: r.text }] : [] // saved and gone: deleted elsewhere
    })
    quotes[aid] = [...list, ...theirs.filter((r) => !used.has(r.id))]
  }
  return { responses, quotes, verdicts: local.verdicts }
}

/** An answer not given yet. */
const noResponse = (sessionId: number, assumptionId: number, memberId: number): Response => ({
  id: 0,
  sessionId,
  assumptionId,
  memberId,
  stance: Stance.NONE,
  needs: '',
  reactions: [],
  notes: '',
  themes: [],
  updatedAt: '',
})

/**
 * The state of a live run: loads it, autosaves every answer, quote and
 * verdict, moves between assumptions (buttons and keyboard shortcuts) and
 * counts the time spent on each.
 */
export function useRun(sessionId: number, assumptions = true) {
  const [run, setRun] = useState<Run | null>(null)
  const [error, setError] = useState('')
  const [missing, setMissing] = useState(false)
  const [st, setSt] = useState<RunState>({ responses: {}, quotes: {}, verdicts: {} })
  const [pos, setPos] = useState(0)
  const [help, setHelp] = useState(false)
  const [focusQuote, setFocusQuote] = useState<string | null>(null)
  const [actionError, setActionError] = useState('')
  const [finishing, setFinishing] = useState(false)
  const [finishError, setFinishError] = useState('')
  const [busy, setBusy] = useState(false)
  const { focus, setFocus } = useFocusMode()
  const { queue, status } = useAutosave(250)
  const quoteIds = useRef(new Map<string, number>())
  const newQuotes = useRef(0)
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
      (e) => {
        setError(errorMessage(e))
        setMissing(errorCode(e) === 'not_found')
      },
    )
  }, [sessionId])

  // The run is for a projector: no navigation while it is on screen.
  useEffect(() => {
    setFocus(true)
    return () => setFocus(false)
  }, [setFocus])

  const items = useMemo(() => run?.items ?? [], [run])
  const item = items[pos]
  const aid = item?.assumption.id ?? 0
  const participants = useMemo(() => run?.session.participants ?? [], [run])

  /** Shows memberId's state locally, as the backend now holds it. */
  const showState = useCallback((memberId: number, state: string) => {
    setRun((r) =>
      // Unchanged state keeps the same run, so a save does not redraw the cards.
      r && r.session.participants?.some((p) => p.memberId === memberId && p.state !== state)
        ? {
            ...r,
            session: {
              ...r.session,
              participants: (r.session.participants ?? []).map((p) =>
                p.memberId === memberId ? { ...p, state: state as typeof p.state } : p,
              ),
            },
          }
        : r,
    )
  }, [])

  // The backend marks a participant attended when something is saved for
  // them while the session is not finished; show it once the save is in.
  const open = run?.session.status !== 'finished'

  /** Reads the run again and takes in what changed elsewhere (the room) without losing what is typed here. */
  const refresh = useCallback(async () => {
    const r = await sessionApi.getRun(sessionId)
    const pending = (key: string) => queue.pending(key) !== undefined
    // Quote ids learnt by a save in flight are in quoteIds; the merge needs them on the quotes.
    setSt((s) => {
      const local = {
        ...s,
        quotes: Object.fromEntries(
          Object.entries(s.quotes).map(([a, qs]) => [
            a,
            qs.map((q) => ({ ...q, id: q.id || (quoteIds.current.get(q.key) ?? 0) })),
          ]),
        ),
      }
      return mergeRunState(local, fromRun(r), pending)
    })
    for (const it of r.items ?? []) for (const q of it.quotes ?? []) quoteIds.current.set(`q${q.id}`, q.id)
    // The timer counts on from the time read at first: the server's newer figure includes what it reported.
    setRun((prev) => {
      const spent = new Map(prev?.items?.map((it) => [it.assumption.id, it.secondsSpent]))
      const items = r.items?.map((it) => ({ ...it, secondsSpent: spent.get(it.assumption.id) ?? it.secondsSpent }))
      return { ...r, items }
    })
  }, [sessionId, queue])
  const recorded = useCallback(
    (memberId: number) => {
      if (open) showState(memberId, 'attended')
    },
    [open, showState],
  )

  async function setPresent(memberId: number, here: boolean) {
    const before = participants.find((p) => p.memberId === memberId)?.state ?? 'invited'
    showState(memberId, here ? 'attended' : 'no_show')
    try {
      const p = await sessionApi.setParticipantState(sessionId, memberId, here ? 'attended' : 'no_show')
      showState(memberId, p.state)
    } catch (e) {
      showState(memberId, before)
      setActionError(errorMessage(e))
    }
  }

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
        const cur = s.responses[k] ?? noResponse(sessionId, aid, memberId)
        const next =
          field === 'reactions' ? { ...cur, reactions: value ? value.split(',') : [] } : { ...cur, [field]: value }
        return { ...s, responses: { ...s.responses, [k]: next } }
      })
      queue.set(`${k}:${field}`, value, async (v) => {
        await sessionApi.saveField({ sessionId, assumptionId: aid, memberId, field, value: v as string })
        if (v) recorded(memberId)
      })
    },
    [aid, queue, sessionId, recorded],
  )

  const saveQuote = useCallback(
    (memberId: number, key: string, text: string) => {
      const assumptionId = aid
      setSt((s) => ({
        ...s,
        quotes: {
          ...s.quotes,
          [assumptionId]: (s.quotes[assumptionId] ?? []).map((q) => (q.key === key ? { ...q, text } : q)),
        },
      }))
      queue.set(`quote:${key}`, text, async (v) => {
        const t = v as string
        if (!t.trim()) return // a quote needs words; an emptied one stays until removed
        const q = await sessionApi.saveQuote({
          id: quoteIds.current.get(key) ?? 0,
          sessionId,
          assumptionId,
          memberId,
          text: t,
        })
        quoteIds.current.set(key, q.id)
        recorded(memberId)
      })
    },
    [aid, queue, sessionId, recorded],
  )

  const addQuote = useCallback(
    (memberId: number) => {
      const key = `new${++newQuotes.current}`
      setSt((s) => ({
        ...s,
        quotes: { ...s.quotes, [aid]: [...(s.quotes[aid] ?? []), { key, id: 0, text: '', memberId }] },
      }))
      setFocusQuote(key)
    },
    [aid],
  )

  const deleteQuote = useCallback(
    async (key: string) => {
      const assumptionId = aid
      setSt((s) => ({
        ...s,
        quotes: { ...s.quotes, [assumptionId]: (s.quotes[assumptionId] ?? []).filter((q) => q.key !== key) },
      }))
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
        const input: VerdictInput = {
          sessionId: v.sessionId,
          assumptionId: id,
          verdict: v.verdict,
          rationale: v.rationale,
          confidence: v.confidence,
        }
        queue.set(`verdict:${id}`, input, (x) => sessionApi.setVerdict(x as VerdictInput))
      }
    },
    [queue],
  )

  async function clearVerdict() {
    await queue.flush()
    try {
      await sessionApi.clearVerdict(sessionId, aid)
      setSt((s) => ({
        ...s,
        verdicts: { ...s.verdicts, [aid]: { ...s.verdicts[aid], verdict: '', rationale: '', rated: false } },
      }))
    } catch (e) {
      setActionError(errorMessage(e))
    }
  }

  /** Finish asks first: saves what is typed, then opens the attendance dialog. */
  async function finish() {
    setActionError('')
    setFinishError('')
    try {
      await queue.flush()
      if (queue.current.state === 'error') throw queue.current.error
      setFinishing(true)
    } catch (e) {
      setActionError(errorMessage(e))
    }
  }

  async function confirmFinish(attendance: Attendance[]) {
    setBusy(true)
    setFinishError('')
    try {
      await sessionApi.finish({ sessionId, attendance })
      setFinishing(false)
      navigate(`/sessions/after/${sessionId}`)
    } catch (e) {
      setFinishError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  async function checkOpener(index: number, done: boolean) {
    const tick = (d: boolean) =>
      setRun((r) =>
        r
          ? {
              ...r,
              session: {
                ...r.session,
                opener: (r.session.opener ?? []).map((o, i) => (i === index ? { ...o, done: d } : o)),
              },
            }
          : r,
      )
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
      // Off the assumption check only the view's own keys (help, focus mode) apply.
      if (!assumptions && a.type !== 'help' && a.type !== 'focus') return
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
  }, [go, pos, items.length, focus, setFocus, setStance, assumptions])

  return {
    run,
    error,
    missing,
    items,
    item,
    pos,
    aid,
    participants,
    seconds,
    status,
    help,
    setHelp,
    focus,
    setFocus,
    actionError,
    heading,
    focusQuote,
    go,
    finish,
    finishing,
    finishError,
    busy,
    confirmFinish,
    cancelFinish: () => setFinishing(false),
    setPresent,
    /** Shows memberId attended once something of theirs is saved (as the backend marks them). */
    recorded,
    refresh,
    checkOpener,
    flush,
    onField,
    saveQuote,
    addQuote,
    deleteQuote,
    onVerdict,
    clearVerdict,
    /** The answer of memberId to the assumption on screen. */
    response: (memberId: number) => st.responses[rkey(aid, memberId)] ?? noResponse(sessionId, aid, memberId),
    /** The quotes said about the assumption on screen. */
    quotes: st.quotes[aid] ?? [],
    /** The verdict on assumptionId, as rated so far. */
    verdict: (assumptionId: number): LocalVerdict =>
      st.verdicts[assumptionId] ?? { sessionId, assumptionId, verdict: '', rationale: '', confidence: 3, rated: false },
  }
}
