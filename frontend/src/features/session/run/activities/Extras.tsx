import { useEffect, useRef } from 'react'
import { reactionCounts } from '../../agenda/entries'
import { reactions, word } from '../../labels'
import type { ActivityProps } from './types'

/** Every activity's reactions (counted, per participant) and quotes (attributed). */
export function Extras({ activity: a, participants, entries }: ActivityProps) {
  const counts = reactionCounts(entries.entries, a.id)
  const quotes = entries.entries.filter((e) => e.activityId === a.id && e.kind === 'quote')
  const focusKey = useRef('')
  const refs = useRef(new Map<string, HTMLTextAreaElement>())
  useEffect(() => {
    if (!focusKey.current) return
    refs.current.get(focusKey.current)?.focus()
    focusKey.current = ''
  })
  return (
    <section className="card extras" aria-labelledby={`extras-${a.id}`}>
      <h3 id={`extras-${a.id}`}>Reactions and quotes</h3>
      <ul className="reaction-counts" aria-label="Reactions during this activity">
        {reactions.map((r) => (
          <li key={r}>
            {word(r)}: <strong>{counts[r] ?? 0}</strong>
          </li>
        ))}
      </ul>
      <div className="extras-people">
        {participants.map((p) => {
          const mine = quotes.filter((q) => q.memberId === p.memberId)
          return (
            <section key={p.memberId} className="extras-person" aria-labelledby={`ex-${a.id}-${p.memberId}`}>
              <h4 id={`ex-${a.id}-${p.memberId}`}>
                <bdi>{p.name}</bdi>
              </h4>
              <fieldset className="reactions">
                <legend className="sr-only">Reactions of {p.name}</legend>
                {reactions.map((r) => (
                  <label key={r} className="check">
                    <input
                      type="checkbox"
                      checked={!!entries.get(`r:${a.id}:${p.memberId}:${r}`)}
                      onChange={(e) => entries.setReaction(a.id, p.memberId, r, e.target.checked)}
                    />
                    {word(r)}
                  </label>
                ))}
              </fieldset>
              {mine.map((q, i) => (
                <div key={q.key} className="quote-row">
                  <textarea
                    ref={(el) => {
                      if (el) refs.current.set(q.key, el)
                      else refs.current.delete(q.key)
                    }}
                    rows={2}
                    aria-label={`Quote ${i + 1} from ${p.name}`}
                    placeholder="Their words, verbatim"
                    value={q.text}
                    onChange={(e) => entries.edit(q.key, { text: e.target.value })}
                  />
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => void entries.remove(q.key)}>
                    Remove
                    <span className="sr-only">
                      {' '}
                      quote {i + 1} from {p.name}
                    </span>
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  focusKey.current = entries.add({
                    activityId: a.id,
                    itemId: 0,
                    variantId: 0,
                    targetId: 0,
                    memberId: p.memberId,
                    kind: 'quote',
                    text: '',
                    value: 0,
                  })
                }}
              >
                Add quote<span className="sr-only"> from {p.name}</span>
              </button>
            </section>
          )
        })}
      </div>
    </section>
  )
}
