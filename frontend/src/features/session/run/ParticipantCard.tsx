import { memo } from 'react'
import type { Participant, Response } from '../../../api/session'
import { reactions, stances, word } from '../labels'
import { QuoteList } from './QuoteList'

export interface LocalQuote {
  /** Stable client key: "q<id>" for saved quotes, "new<n>" for ones being typed. */
  key: string
  id: number
  text: string
}

interface Props {
  participant: Participant
  assumptionId: number
  response: Response
  quotes: LocalQuote[]
  /** Key of a quote just added, to put the caret in it. */
  focusQuote: string | null
  onField: (memberId: number, field: 'stance' | 'needs' | 'reactions' | 'notes', value: string) => void
  onQuote: (memberId: number, key: string, text: string) => void
  onAddQuote: (memberId: number) => void
  onDeleteQuote: (key: string) => void
  onBlur: () => void
}

/** One participant's answer to the assumption on screen: stance, needs, reactions, notes, quotes. */
export const ParticipantCard = memo(function ParticipantCard({
  participant: p,
  assumptionId,
  response: r,
  quotes,
  focusQuote,
  onField,
  onQuote,
  onAddQuote,
  onDeleteQuote,
  onBlur,
}: Props) {
  const base = `p${p.memberId}-a${assumptionId}`
  const chosen = new Set(r.reactions ?? [])

  return (
    <section
      className={`pcard${p.state === 'no_show' ? ' pcard-noshow' : ''}`}
      aria-labelledby={`${base}-name`}
      data-member={p.memberId}
      onBlur={onBlur}
    >
      <header className="pcard-head">
        <h3 id={`${base}-name`}>
          <bdi>{p.name}</bdi>
        </h3>
        <span className="muted small">
          {[p.segment, p.state !== 'attended' && p.state !== 'confirmed' ? word(p.state) : '']
            .filter(Boolean)
            .join(' · ')}
        </span>
      </header>
      <fieldset className="stance" aria-describedby={`${base}-keys`}>
        <legend>Stance</legend>
        <div className="stance-options">
          {stances.map((s, i) => (
            <label key={s} className={`stance-option stance-${s}`}>
              <input
                type="radio"
                name={`${base}-stance`}
                value={s}
                checked={r.stance === s}
                onChange={() => onField(p.memberId, 'stance', s)}
              />
              <span>
                <kbd aria-hidden="true">{i + 1}</kbd> {word(s)}
              </span>
            </label>
          ))}
        </div>
        <span id={`${base}-keys`} className="sr-only">
          Keys 1 to 4 choose a stance anywhere in this card outside a text field.
        </span>
      </fieldset>
      <div className="field">
        <label htmlFor={`${base}-needs`}>What would need to be true</label>
        <textarea
          id={`${base}-needs`}
          rows={2}
          value={r.needs}
          onChange={(e) => onField(p.memberId, 'needs', e.target.value)}
        />
      </div>
      <fieldset className="reactions">
        <legend>Reactions</legend>
        <div className="reaction-options">
          {reactions.map((x) => (
            <label key={x} className="check">
              <input
                type="checkbox"
                checked={chosen.has(x)}
                onChange={(e) => {
                  const next = reactions.filter((y) => (y === x ? e.target.checked : chosen.has(y)))
                  onField(p.memberId, 'reactions', next.join(','))
                }}
              />
              {word(x)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${base}-notes`}>Notes</label>
        <textarea
          id={`${base}-notes`}
          rows={3}
          value={r.notes}
          onChange={(e) => onField(p.memberId, 'notes', e.target.value)}
        />
      </div>
      <div className="quotes">
        <h4 className="small-heading">Quotes</h4>
        <QuoteList
          name={p.name}
          quotes={quotes}
          focusKey={focusQuote}
          onChange={(key, text) => onQuote(p.memberId, key, text)}
          onRemove={onDeleteQuote}
          onAdd={() => onAddQuote(p.memberId)}
        />
      </div>
    </section>
  )
})
