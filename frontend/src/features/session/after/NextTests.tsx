import type { NextTest } from '../../../api/session'
import { navigate } from '../../../router'
import { planHref } from './synthesis'

/** For each "needs more research" verdict, the session that would test it next, with its test card. */
export function NextTests({ items }: { items: NextTest[] }) {
  if (items.length === 0) return null
  return (
    <section className="card" aria-labelledby="next-title">
      <h2 id="next-title">Next tests</h2>
      <p className="guide">
        These assumptions need more research. Each gets a proposal for the session that tests it next.
      </p>
      <ul className="quote-list">
        {items.map((t) => (
          <li key={t.assumptionId} className="quote-item" aria-label={`Next test: ${t.sentence}`}>
            <p className="assumption-sentence">{t.sentence}</p>
            <p>
              <span className="badge">{t.formatLabel}</span> <span className="test-card">{t.card}</span>
            </p>
            <p className="muted small">{t.why}</p>
            <p>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => navigate(planHref(t.decisionId, t.format))}
              >
                Plan a {t.formatLabel.toLowerCase()} session
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
