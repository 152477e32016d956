import { useState } from 'react'
import { reactionCounts } from '../../agenda/entries'
import { reactions, word } from '../../labels'
import { QuoteList } from '../QuoteList'
import type { ActivityProps } from './types'

/** Every activity's reactions (counted, per participant) and quotes (attributed). */
export function Extras({ activity: a, participants, entries }: ActivityProps) {
  const counts = reactionCounts(entries.entries, a.id)
  const quotes = entries.entries.filter((e) => e.activityId === a.id && e.kind === 'quote')
  // The quote just added, for the caret.
  const [added, setAdded] = useState<string | null>(null)
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
              <QuoteList
                name={p.name}
                quotes={mine}
                focusKey={added}
                onChange={(key, text) => entries.edit(key, { text })}
                onRemove={(key) => void entries.remove(key)}
                onAdd={() =>
                  setAdded(
                    entries.add({
                      activityId: a.id,
                      itemId: 0,
                      variantId: 0,
                      targetId: 0,
                      memberId: p.memberId,
                      kind: 'quote',
                      text: '',
                      value: 0,
                    }),
                  )
                }
              />
            </section>
          )
        })}
      </div>
    </section>
  )
}
