import { word } from '../labels'

interface Props {
  /** The assumptions' ids and verdicts ('' while unrated), in run order. */
  steps: { id: number; verdict: string }[]
  pos: number
  onGo: (index: number) => void
}

/** Previous and Next, where the run is, and a dot per assumption to jump to it. */
export function RunNav({ steps, pos, onGo }: Props) {
  return (
    <nav className="run-nav" aria-label="Assumptions">
      <button
        type="button"
        className="btn"
        onClick={() => onGo(pos - 1)}
        disabled={pos === 0}
        aria-keyshortcuts="Alt+ArrowLeft"
      >
        ← Previous
      </button>
      <p className="run-progress">
        Assumption <strong>{pos + 1}</strong> of {steps.length}
      </p>
      <ol className="run-dots" aria-label="Jump to an assumption">
        {steps.map(({ id, verdict }, i) => (
          <li key={id}>
            <button
              type="button"
              className={`run-dot${i === pos ? ' is-current' : ''}${verdict ? ` dot-${verdict}` : ''}`}
              aria-current={i === pos ? 'step' : undefined}
              aria-label={`Assumption ${i + 1}${verdict ? `, ${word(verdict)}` : ''}`}
              onClick={() => onGo(i)}
            >
              {i + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => onGo(pos + 1)}
        disabled={pos === steps.length - 1}
        aria-keyshortcuts="Alt+ArrowRight"
      >
        Next →
      </button>
    </nav>
  )
}
