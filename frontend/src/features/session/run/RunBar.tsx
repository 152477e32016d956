import type { Session } from '../../../api/session'
import { href } from '../../../router'
import type { SaveStatus } from '../autosave'
import { clock, word } from '../labels'
import { SaveIndicator } from '../useAutosave'
import { activityShortcuts } from '../agenda/keys'
import { shortcuts } from './keys'

interface Props {
  sessionId: number
  session: Pick<Session, 'title' | 'status'>
  status: SaveStatus
  seconds: number
  /** What the timer counts: "this assumption" or "this activity". */
  timing?: string
  help: boolean
  onHelp: (open: boolean) => void
  focus: boolean
  onFocus: (on: boolean) => void
  onFinish: () => void
}

/** The run's top bar: title, save state, timer, keyboard help, focus mode and Finish. */
export function RunBar({
  sessionId,
  session: s,
  status,
  seconds,
  timing = 'this assumption',
  help,
  onHelp,
  focus,
  onFocus,
  onFinish,
}: Props) {
  return (
    <>
      <header className="run-bar">
        <div className="run-title">
          <a className="back-link" href={href(`/sessions/plan/${sessionId}`)}>
            Plan
          </a>
          <h1>{s.title}</h1>
          {s.status !== 'running' && <span className="badge">{word(s.status)}</span>}
        </div>
        <div className="run-tools">
          <SaveIndicator status={status} />
          <span className="run-timer" title={`Time on ${timing}`}>
            <span className="sr-only">Time on {timing}: </span>
            {clock(seconds)}
          </span>
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={help}
            aria-controls="run-keys"
            onClick={() => onHelp(!help)}
          >
            Keyboard
          </button>
          <button type="button" className="btn btn-small" aria-pressed={focus} onClick={() => onFocus(!focus)}>
            Focus mode
          </button>
          {s.status === 'running' ? (
            <button type="button" className="btn btn-small btn-primary" onClick={onFinish}>
              Finish session
            </button>
          ) : (
            <a className="btn btn-small" href={href(`/sessions/after/${sessionId}`)}>
              Synthesis
            </a>
          )}
        </div>
      </header>
      {help && (
        <div id="run-keys" className="run-keys" role="region" aria-label="Keyboard shortcuts">
          <dl>
            {[...activityShortcuts, ...shortcuts].map((k) => (
              <div key={k.keys}>
                <dt>
                  <kbd>{k.keys}</kbd>
                </dt>
                <dd>{k.what}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </>
  )
}
