import { useState } from 'react'
import { errorMessage } from '../../../api'
import type { Speaker } from '../../../api/transcript'
import { transcriptApi } from '../../../api/transcript'
import { ErrorText } from '../../../components/Alert'
import { href } from '../../../router'
import { plural } from '../../../text'

interface Props {
  speakers: Speaker[]
  participants: { memberId: number; name: string }[]
  /** After a change: the transcript is read again. */
  onChange: () => Promise<void> | void
}

/** The name a speaker's label reads as. */
export function labelOf(s: Pick<Speaker, 'label'>): string {
  return s.label || 'No speaker named'
}

const TEAM = 'team'

/**
 * The transcript's speakers: whom each one is (a participant, the team, or
 * not matched), whether that participant agreed to be recorded, and a way
 * to delete a speaker's lines (someone who did not agree, small talk).
 */
export function SpeakerList({ speakers, participants, onChange }: Props) {
  const [error, setError] = useState('')
  const [confirmDrop, setConfirmDrop] = useState(0)
  const run = async (fn: () => Promise<unknown>) => {
    setError('')
    try {
      await fn()
      await onChange()
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const match = (s: Speaker, value: string) =>
    run(() =>
      transcriptApi.matchSpeaker({
        speakerId: s.id,
        memberId: value === TEAM || value === '' ? 0 : Number(value),
        team: value === TEAM,
      }),
    )
  return (
    <section className="card" aria-labelledby="speakers-title">
      <h2 id="speakers-title">Speakers</h2>
      <p className="muted">
        A line can be quoted when its speaker is a participant who agreed to be recorded. Speakers were matched by name;
        check them.
      </p>
      <ErrorText message={error} />
      <ul className="speaker-list">
        {speakers.map((s) => {
          const name = labelOf(s)
          return (
            <li key={s.id} className="speaker-row">
              <label className="field">
                <span>
                  {name} <span className="muted">· {plural(s.lines, 'line')}</span>
                </span>
                <select
                  aria-label={`Who is ${name}?`}
                  value={s.team ? TEAM : s.memberId ? String(s.memberId) : ''}
                  onChange={(e) => void match(s, e.target.value)}
                >
                  <option value="">Not matched</option>
                  <option value={TEAM}>The team (not a customer)</option>
                  {participants.map((p) => (
                    <option key={p.memberId} value={p.memberId}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
              <span className="speaker-consent">
                {s.memberId > 0 &&
                  (s.recording ? (
                    <span className="badge">Recording consent on record</span>
                  ) : (
                    <span className="badge badge-warning">
                      No recording consent: their lines cannot be quoted.{' '}
                      <a href={href(`/board/member/${s.memberId}`)}>Record consent on {s.member}'s page</a>
                    </span>
                  ))}
                {!s.memberId && !s.team && <span className="muted">Match to quote these lines</span>}
              </span>
              {confirmDrop === s.id ? (
                <span className="speaker-drop">
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    onClick={() => void run(() => transcriptApi.dropSpeaker(s.id)).then(() => setConfirmDrop(0))}
                  >
                    Delete {plural(s.lines, 'line')} of {name}
                  </button>
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirmDrop(0)}>
                    Keep
                  </button>
                </span>
              ) : (
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirmDrop(s.id)}>
                  Delete their lines<span className="sr-only"> ({name})</span>
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
