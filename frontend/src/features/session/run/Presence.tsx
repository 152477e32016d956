import type { Participant } from '../../../api/session'

/**
 * Who is here: one checkbox per participant, ticked once they are marked
 * attended (by hand, or by the backend as soon as anything is recorded
 * for them). Unticking marks them not here (a no-show).
 */
export function Presence({
  participants,
  onChange,
}: {
  participants: Participant[]
  onChange: (memberId: number, here: boolean) => void
}) {
  const here = participants.filter((p) => p.state === 'attended').length
  return (
    <fieldset className="run-presence">
      <legend>
        Who is here{' '}
        <span className="muted small">
          {here} of {participants.length}
        </span>
      </legend>
      <ul>
        {participants.map((p) => {
          const present = p.state === 'attended'
          return (
            <li key={p.memberId} className={present ? 'is-here' : 'is-away'}>
              <label className="check">
                <input type="checkbox" checked={present} onChange={(e) => onChange(p.memberId, e.target.checked)} />
                <bdi>{p.name}</bdi>
              </label>
              <span className="muted small">
                {present ? 'present' : 'not here'}
                {p.note && ` · ${p.note}`}
              </span>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}
