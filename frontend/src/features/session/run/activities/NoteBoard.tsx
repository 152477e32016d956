import { useState } from 'react'
import { byDots, dotsLeft, dotsOn, maxDots, type Vote } from '../../agenda/logic'
import type { LocalEntry } from '../../agenda/entries'
import { usePendingFocus } from '../../agenda/usePendingFocus'
import { HideToggle } from '../room/HideToggle'
import { ScoreSelect } from './ScoreSelect'
import { itemsOf, type ActivityProps } from './types'

const severities = [
  { value: 0, label: 'Not rated' },
  { value: 1, label: '1 · minor' },
  { value: 2, label: '2 · serious' },
  { value: 3, label: '3 · critical' },
]

interface Props extends ActivityProps {
  /** The journey board's pain-point notes, or the idea round's ideas. */
  kind: 'note' | 'idea'
}

/**
 * A journey board (stages as columns, notes with a severity) or an idea
 * round (prompts, ideas with a pitch score): notes per participant, and
 * each participant's dot votes within the activity's budget.
 */
export function NoteBoard({ activity: a, participants, entries, kind }: Props) {
  const role = kind === 'note' ? 'stage' : 'prompt'
  const columns = itemsOf(a, role)
  const [who, setWho] = useState(participants[0]?.memberId ?? 0)
  const voter = participants.some((p) => p.memberId === who) ? who : (participants[0]?.memberId ?? 0)
  const voterName = participants.find((p) => p.memberId === voter)?.name ?? ''
  const mine = entries.entries.filter((e) => e.activityId === a.id)
  const votes: Vote[] = mine.filter((e) => e.kind === 'vote').map((e) => ({ ...e }))
  const { focusLater, refFor } = usePendingFocus<HTMLTextAreaElement>()
  const noun = kind === 'note' ? 'note' : 'idea'
  const ranked = byDots(
    mine.filter((e) => e.kind === kind),
    votes,
  )
  const columnOf = (itemId: number) => columns.find((c) => c.id === itemId)?.text ?? ''
  const nameOf = (id: number) => participants.find((p) => p.memberId === id)?.name ?? 'someone not here'

  if (participants.length === 0) return <p className="muted">Nobody is here to write {noun}s.</p>

  function addNote(itemId: number) {
    const key = entries.add({
      activityId: a.id,
      itemId,
      variantId: 0,
      targetId: 0,
      memberId: voter,
      kind,
      text: '',
      value: 0,
    })
    focusLater(key)
  }

  // A function, not a component: a component made in render would be new each time and lose the caret.
  function renderNote(n: LocalEntry, i: number, column: string) {
    const label = `${noun === 'note' ? 'Note' : 'Idea'} ${i + 1} in ${column}`
    const lower = `${noun} ${i + 1} in ${column}`
    const myVote = votes.find((v) => v.memberId === voter && v.targetId === n.id)?.value ?? 0
    const pitch = entries.slot({ activityId: a.id, kind: 'pitch', targetId: n.id, memberId: voter })?.value ?? 0
    const pitches = mine.filter((e) => e.kind === 'pitch' && e.targetId === n.id && e.value > 0)
    const meanPitch = pitches.length ? pitches.reduce((s, e) => s + e.value, 0) / pitches.length : 0
    const dots = n.id ? dotsOn(votes, n.id) : 0
    return (
      <li key={n.key} className={n.hidden ? 'note room-hidden' : 'note'} aria-label={label}>
        <textarea
          ref={refFor(n.key)}
          rows={2}
          aria-label={label}
          value={n.text}
          placeholder={kind === 'note' ? 'Where does it hurt?' : 'The idea'}
          onChange={(e) => entries.edit(n.key, { text: e.target.value })}
        />
        <p className="muted small">
          by <bdi>{nameOf(n.memberId)}</bdi> ·{' '}
          <span className="note-dots">{dots === 1 ? '1 dot' : `${dots} dots`}</span>
          {kind === 'idea' && meanPitch > 0 && ` · pitch ${meanPitch.toFixed(1)}`}
        </p>
        <div className="note-tools">
          {kind === 'note' && (
            <label>
              Severity
              <select
                aria-label={`Severity of ${lower}`}
                value={n.value}
                onChange={(e) => entries.edit(n.key, { value: Number(e.target.value) })}
              >
                {severities.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {a.dots > 0 && (
            <label>
              Dots from {voterName}
              <input
                type="number"
                min={0}
                max={maxDots(a.dots, votes, voter, n.id)}
                disabled={!n.id}
                aria-label={`Dots from ${voterName} on ${lower}`}
                value={myVote}
                onChange={(e) => {
                  const want = Math.floor(Number(e.target.value) || 0)
                  const v = Math.max(0, Math.min(want, maxDots(a.dots, votes, voter, n.id)))
                  entries.setSlot({ activityId: a.id, kind: 'vote', targetId: n.id, memberId: voter }, '', v)
                }}
              />
            </label>
          )}
          {kind === 'idea' && (
            <label>
              Pitch score from {voterName}
              <ScoreSelect
                aria-label={`Pitch score from ${voterName} for ${lower}`}
                max={5}
                value={pitch}
                disabled={!n.id}
                onScore={(v) =>
                  entries.setSlot({ activityId: a.id, kind: 'pitch', targetId: n.id, memberId: voter }, '', v)
                }
              />
            </label>
          )}
          <HideToggle entry={n} what={lower} onHide={(k, h) => void entries.hide(k, h)} />
          <button type="button" className="btn btn-small btn-quiet" onClick={() => void entries.remove(n.key)}>
            Remove<span className="sr-only"> {lower}</span>
          </button>
        </div>
      </li>
    )
  }

  return (
    <div className="noteboard">
      <div className="noteboard-who">
        <label htmlFor={`who-${a.id}`}>Writing and voting as</label>
        <select id={`who-${a.id}`} value={voter} onChange={(e) => setWho(Number(e.target.value))}>
          {participants.map((p) => (
            <option key={p.memberId} value={p.memberId}>
              {p.name}
            </option>
          ))}
        </select>
        {a.dots > 0 && (
          <p className="muted" role="status">
            {voterName} has {dotsLeft(a.dots, votes, voter)} of {a.dots} dots left
          </p>
        )}
      </div>
      {columns.length === 0 && <p className="muted">No {role}s planned: add them on the plan page.</p>}
      <div className="noteboard-columns" role="group" aria-label={kind === 'note' ? 'Stages' : 'Prompts'}>
        {columns.map((c) => {
          const notes = mine.filter((e) => e.kind === kind && e.itemId === c.id)
          return (
            <section key={c.id} className="noteboard-column" aria-labelledby={`col-${c.id}`}>
              <h3 id={`col-${c.id}`}>{c.text}</h3>
              <ol className="notes">{notes.map((n, i) => renderNote(n, i, c.text))}</ol>
              <button type="button" className="btn btn-small" onClick={() => addNote(c.id)}>
                Add {noun} from {voterName}
                <span className="sr-only"> to {c.text}</span>
              </button>
            </section>
          )
        })}
      </div>
      {ranked.length > 0 && (
        <section className="noteboard-ranked" aria-labelledby={`ranked-${a.id}`}>
          <h3 id={`ranked-${a.id}`}>Most dots</h3>
          <ol>
            {ranked.map((n) => (
              <li key={n.key}>
                {n.text}{' '}
                <span className="muted small">
                  · {n.dots === 1 ? '1 dot' : `${n.dots} dots`} · {columnOf(n.itemId)}
                  {kind === 'note' && n.value > 0 && ` · severity ${n.value}`}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  )
}
