import type { ActivityFacts, RankedEntry, RatingFact, TaskFact } from '../../../api/session'
import { plural } from '../../../text'
import { reactionSummary, successText } from './synthesis'

function Ranked({
  title,
  items,
  what,
  onOpportunity,
}: {
  title: string
  items: RankedEntry[]
  what: string
  onOpportunity: (r: RankedEntry) => Promise<void>
}) {
  if (items.length === 0) return null
  return (
    <section aria-label={title}>
      <h3 className="section-title">{title}</h3>
      <ol className="ranked-list">
        {items.slice(0, 5).map((r) => (
          <li key={r.ranked.entryId}>
            <span className="strong">
              <bdi>{r.ranked.text}</bdi>
            </span>{' '}
            <span className="badge">{plural(r.ranked.dots, 'dot')}</span>
            {r.ranked.severity > 0 && <span className="muted small"> · severity {r.ranked.severity} of 3</span>}
            {r.ranked.pitch > 0 && <span className="muted small"> · pitch {r.ranked.pitch.toFixed(1)} of 5</span>}
            <br />
            <span className="muted small">
              — <bdi>{r.ranked.member || 'Unattributed'}</bdi>
              {r.segment && <>, {r.segment}</>} · {what} in <bdi>{r.activity}</bdi>
              {r.item && (
                <>
                  {' '}
                  · <bdi>{r.item}</bdi>
                </>
              )}
            </span>{' '}
            <button
              type="button"
              className="btn btn-small btn-quiet"
              aria-label={`Make an opportunity of “${r.ranked.text}”`}
              onClick={() => onOpportunity(r)}
            >
              Make an opportunity
            </button>
          </li>
        ))}
      </ol>
      {items.length > 5 && <p className="muted small">and {items.length - 5} more</p>}
    </section>
  )
}

function Tasks({ tasks }: { tasks: TaskFact[] }) {
  if (tasks.length === 0) return null
  return (
    <section aria-label="Task success">
      <h3 className="section-title">Task success per variant</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Task</th>
            <th scope="col">Succeeded</th>
            <th scope="col">Partly / failed</th>
            <th scope="col">Median time</th>
            <th scope="col">Ease (1–7)</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={`${t.result.variantId}:${t.result.taskId}`}>
              <td>{t.variant}</td>
              <td>{t.task}</td>
              <td>{successText(t.result)}</td>
              <td>
                {t.result.partial} / {t.result.fail}
              </td>
              <td>{t.result.medianSeconds ? `${t.result.medianSeconds} s` : '—'}</td>
              <td>{t.result.meanEase ? t.result.meanEase.toFixed(1) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Ratings({ ratings }: { ratings: RatingFact[] }) {
  if (ratings.length === 0) return null
  return (
    <section aria-label="Ratings">
      <h3 className="section-title">Ratings</h3>
      <ul className="note-list">
        {ratings.map((r) => (
          <li key={r.stat.itemId}>
            <bdi>{r.question}</bdi>{' '}
            <span className="strong">{r.stat.count ? `${r.stat.mean.toFixed(1)} of ${r.scale}` : 'not rated'}</span>{' '}
            <span className="muted small">({plural(r.stat.count, 'rating')})</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/**
 * What the activities showed: the emotional reactions noted in each next
 * to its facts (the top-voted pain points and ideas, task success, ratings),
 * so the actions rest on both.
 */
export function Facts({
  activities,
  painPoints,
  ideas,
  tasks,
  ratings,
  onOpportunity,
}: {
  onOpportunity: (r: RankedEntry) => Promise<void>
  activities: ActivityFacts[]
  painPoints: RankedEntry[]
  ideas: RankedEntry[]
  tasks: TaskFact[]
  ratings: RatingFact[]
}) {
  if (activities.length === 0) return null
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">What the activities showed</h2>
      <ul className="activity-facts" aria-label="Reactions per activity">
        {activities.map((a) => {
          const r = reactionSummary(a.reactions)
          return (
            <li key={a.id}>
              <span className="strong">
                <bdi>{a.title}</bdi>
              </span>{' '}
              <span className="muted small">({plural(a.entries, 'entry', 'entries')})</span>:{' '}
              {r ? <span className="reactions">{r}</span> : <span className="muted">no reactions noted</span>}
            </li>
          )
        })}
      </ul>
      <Ranked title="Top pain points" items={painPoints} what="journey note" onOpportunity={onOpportunity} />
      <Ranked title="Top ideas" items={ideas} what="idea" onOpportunity={onOpportunity} />
      <Tasks tasks={tasks} />
      <Ratings ratings={ratings} />
    </section>
  )
}
