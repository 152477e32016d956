import type { Activity } from '../../../api/activity'
import { clock } from '../labels'
import { kindLabel } from '../agenda/logic'

interface Props {
  activities: Activity[]
  /** Seconds spent on each activity; the current one's counts up with the run's timer. */
  spent: number[]
  current: number
  onGo: (index: number) => void
}

/** The agenda across the top of the run: each activity, the one on screen, Previous and Next activity. */
export function ActivityStrip({ activities, spent, current, onGo }: Props) {
  return (
    <nav className="activity-strip" aria-label="Agenda">
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onGo(current - 1)}
        disabled={current === 0}
        aria-keyshortcuts="Alt+PageUp"
      >
        ← Previous activity
      </button>
      <ol aria-label="Activities">
        {activities.map((a, i) => (
          <li key={a.id}>
            <button
              type="button"
              className={`activity-step${i === current ? ' is-current' : ''}`}
              aria-current={i === current ? 'step' : undefined}
              onClick={() => onGo(i)}
            >
              <span className="activity-step-n">{i + 1}</span> {a.title}
              <span className="muted small">
                {' '}
                · {kindLabel(a.kind)}
                {a.minutes > 0 && ` · ${a.minutes} min`}
                {(spent[i] ?? 0) > 0 && ` · ${clock(spent[i])} spent`}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">
        Activity {current + 1} of {activities.length}: {activities[current]?.title}
      </p>
      <button
        type="button"
        className="btn btn-small btn-primary"
        onClick={() => onGo(current + 1)}
        disabled={current >= activities.length - 1}
        aria-keyshortcuts="Alt+PageDown"
      >
        Next activity →
      </button>
    </nav>
  )
}
