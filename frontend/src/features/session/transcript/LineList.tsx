import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { errorMessage } from '../../../api'
import type { Line, Speaker } from '../../../api/transcript'
import { transcriptApi } from '../../../api/transcript'
import { Alert } from '../../../components/Alert'
import { clock, lineKey, selected, type Selection } from './lines'
import { labelOf } from './SpeakerList'

/** Where a quote goes: an activity of the agenda, or (id 0) the session as a whole. */
export interface Target {
  id: number
  title: string
}

interface Props {
  lines: Line[]
  speakers: Speaker[]
  /** Index 0 is the session as a whole; 1… the agenda's activities, as digits choose them. */
  targets: Target[]
  target: number
  onTarget: (index: number) => void
  /** Lines just quoted, to show where they went. */
  onQuoted: (lines: Line[]) => void
}

/**
 * The transcript's lines as a list walked by keyboard: ↑/↓ move,
 * Shift+↑/↓ take in the next line of the same speaker, q (or Enter)
 * quotes the selection on the chosen activity, e quotes an excerpt of it,
 * a digit chooses the activity.
 */
export function LineList({ lines, speakers, targets, target, onTarget, onQuoted }: Props) {
  const [sel, setSel] = useState<Selection>({ anchor: 0, active: 0 })
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)
  const [excerpt, setExcerpt] = useState<string | null>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const excerptRef = useRef<HTMLTextAreaElement>(null)
  const bySpeaker = new Map(speakers.map((s) => [s.id, s]))
  const who = (l: Line) => {
    const s = bySpeaker.get(l.speakerId)
    return s ? s.member || labelOf(s) : ''
  }
  const chosen = selected(sel).filter((i) => i < lines.length)

  useEffect(() => {
    document.getElementById(`line-${lines[sel.active]?.id}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [sel.active, lines])
  const editing = excerpt !== null
  useEffect(() => {
    if (editing) excerptRef.current?.focus()
  }, [editing])

  const quote = async (text: string) => {
    const picked = chosen.map((i) => lines[i])
    if (picked.length === 0) return
    setMessage(null)
    try {
      const done = await transcriptApi.quoteLines({
        lineIds: picked.map((l) => l.id),
        activityId: targets[target]?.id ?? 0,
        itemId: 0,
        text,
      })
      onQuoted(done)
      setMessage({ tone: 'success', text: `Quoted ${who(picked[0])} on ${done[0]?.quotedIn ?? 'the session'}.` })
      const next = Math.min(lines.length - 1, Math.max(...chosen) + 1)
      setSel({ anchor: next, active: next })
      setExcerpt(null)
      listRef.current?.focus()
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) })
    }
  }

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const a = lineKey(e.key, e.shiftKey, sel, lines, targets.length - 1)
    if (a.kind === 'none') return
    e.preventDefault()
    if (a.kind === 'move') setSel({ anchor: a.to, active: a.to })
    else if (a.kind === 'extend') setSel({ ...sel, active: a.to })
    else if (a.kind === 'quote') void quote('')
    else if (a.kind === 'excerpt') setExcerpt(chosen.map((i) => lines[i].text).join(' '))
    else onTarget(a.index)
  }

  const active = lines[sel.active]
  return (
    <section className="card" aria-labelledby="lines-title">
      <div className="lines-head">
        <h2 id="lines-title">Lines</h2>
        <label className="field lines-target">
          <span>Quote on</span>
          <select value={target} onChange={(e) => onTarget(Number(e.target.value))}>
            {targets.map((t, i) => (
              <option key={t.id} value={i}>
                {i}. {t.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted" id="lines-keys">
        ↑/↓ move · Shift+↑/↓ take in the next line of the same speaker · q quotes · e quotes an excerpt · 0–
        {targets.length - 1} choose where quotes go
      </p>
      {message && (
        <Alert tone={message.tone} className="lines-message">
          {message.text}
        </Alert>
      )}
      {excerpt !== null && (
        <div className="lines-excerpt">
          <label className="field">
            <span>Excerpt to quote (Ctrl+Enter saves, Esc cancels)</span>
            <textarea
              ref={excerptRef}
              rows={3}
              value={excerpt}
              onChange={(e) => setExcerpt(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault()
                  void quote(excerpt)
                } else if (e.key === 'Escape') {
                  setExcerpt(null)
                  listRef.current?.focus()
                }
              }}
            />
          </label>
          <div className="form-actions">
            <button type="button" className="btn btn-primary btn-small" onClick={() => void quote(excerpt)}>
              Quote excerpt
            </button>
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setExcerpt(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div
        ref={listRef}
        className="line-list"
        role="listbox"
        aria-label="Transcript lines"
        aria-multiselectable="true"
        aria-describedby="lines-keys"
        aria-activedescendant={active ? `line-${active.id}` : undefined}
        tabIndex={0}
        onKeyDown={onKey}
      >
        {lines.map((l, i) => (
          <div
            key={l.id}
            id={`line-${l.id}`}
            role="option"
            aria-selected={chosen.includes(i)}
            className={`line${i === sel.active ? ' line-active' : ''}${l.entryId ? ' line-quoted' : ''}`}
            onClick={(e) => {
              if (e.shiftKey && lines[sel.anchor]?.speakerId === l.speakerId) setSel({ ...sel, active: i })
              else setSel({ anchor: i, active: i })
              listRef.current?.focus()
            }}
          >
            <span className="line-time">{clock(l.startMs)}</span>
            <span className="line-speaker">{who(l)}</span>
            <span className="line-text">{l.text}</span>
            {l.quotedIn && <span className="badge line-badge">Quoted in {l.quotedIn}</span>}
          </div>
        ))}
      </div>
    </section>
  )
}
