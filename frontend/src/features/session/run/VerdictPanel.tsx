import type { Tally, VerdictInput } from '../../../api/session'
import { verdicts, word } from '../labels'
import { tallyBar, tallySummary } from '../tally'

export function TallyBar({ tally, label }: { tally: Tally; label: string }) {
  const parts = tallyBar(tally)
  return (
    <div className="tally">
      <div className="tallybar" role="img" aria-label={`${label}: ${tallySummary(tally)}`}>
        {parts.map((p) => (
          <span key={p.key} className={`tally-${p.tone}`} style={{ width: `${p.percent}%` }} />
        ))}
      </div>
      <ul className="tally-legend" aria-hidden="true">
        {parts.map((p) => (
          <li key={p.key}>
            <span className={`swatch tally-${p.tone}`} />
            {p.label} <strong>{p.count}</strong>
          </li>
        ))}
      </ul>
    </div>
  )
}

interface Props {
  assumptionId: number
  tally: Tally
  verdict: VerdictInput
  rated: boolean
  onChange: (v: VerdictInput) => void
  onClear: () => void
}

/** Rate the assumption beside the live tally of stances. */
export function VerdictPanel({ assumptionId, tally, verdict, rated, onChange, onClear }: Props) {
  const base = `verdict-${assumptionId}`
  return (
    <section className="verdict-panel" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>Verdict</h2>
      <TallyBar tally={tally} label="Stances" />
      <p className="tally-words" aria-live="polite">
        {tallySummary(tally)}
      </p>
      <fieldset className="choice">
        <legend>This assumption is</legend>
        <div className="choice-options verdict-options">
          {verdicts.map((v) => (
            <label key={v} className={`choice-option verdict-option-${v}`}>
              <input
                type="radio"
                name={base}
                value={v}
                checked={verdict.verdict === v}
                onChange={() => onChange({ ...verdict, verdict: v })}
              />
              <span>{word(v)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${base}-why`}>Rationale</label>
        <textarea
          id={`${base}-why`}
          rows={3}
          value={verdict.rationale}
          onChange={(e) => onChange({ ...verdict, rationale: e.target.value })}
          aria-describedby={!verdict.verdict ? `${base}-hint` : undefined}
        />
        {!verdict.verdict && (
          <p className="field-hint" id={`${base}-hint`}>
            Saved once a verdict is chosen.
          </p>
        )}
      </div>
      <fieldset className="choice">
        <legend>Confidence</legend>
        <div className="choice-options">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="choice-option">
              <input
                type="radio"
                name={`${base}-confidence`}
                value={n}
                checked={verdict.confidence === n}
                onChange={() => onChange({ ...verdict, confidence: n })}
                aria-label={`Confidence ${n} of 5`}
              />
              <span aria-hidden="true">{n}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {rated && (
        <button type="button" className="btn btn-small btn-quiet" onClick={onClear}>
          Clear verdict
        </button>
      )}
    </section>
  )
}
