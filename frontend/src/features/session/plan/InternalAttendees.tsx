import { useEffect, useId, useState, type FormEvent } from 'react'
import type { Session } from '../../../api/session'
import { AttendeeRole, extrasApi, type Attendees } from '../../../api/sessionExtras'
import { Alert, ErrorText } from '../../../components/Alert'
import { plural } from '../../../text'
import { useLoad } from '../useLoad'
import { attendeeRoles, participantsStamp, roleWord } from './extras'
import { useAction } from './useAction'

/**
 * The company's own people at the session (sales, support, success,
 * product), with a warning when they outnumber the customers.
 */
export function InternalAttendees({ session }: { session: Session }) {
  const id = useId()
  const stamp = participantsStamp(session)
  const { data, error: loadError, reload, setData } = useLoad(() => extrasApi.listAttendees(session.id), [session.id])
  // A participant marked no-show, or added, changes the count of customers.
  useEffect(() => void reload(), [stamp, reload])
  const [name, setName] = useState('')
  const [role, setRole] = useState<string>(AttendeeRole.PRODUCT)
  const { busy, error, run } = useAction()
  const act = (fn: () => Promise<Attendees>) => run(async () => setData(await fn()))
  async function add(e: FormEvent) {
    e.preventDefault()
    if (await act(() => extrasApi.saveAttendee({ id: 0, sessionId: session.id, name, role }))) setName('')
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Internal attendees</h2>
      {!data ? (
        loadError ? (
          <p className="error-text">{loadError}</p>
        ) : (
          <p className="muted">Loading…</p>
        )
      ) : (
        <>
          <p className="muted small">
            {plural(data.attendees.length, 'colleague')} from the company, {plural(data.customers, 'customer')}{' '}
            expected.
          </p>
          {data.warning && <Alert tone="warning">{data.warning}</Alert>}
          {data.attendees.length > 0 && (
            <ul className="plain-list" aria-label="Internal attendees">
              {data.attendees.map((a) => (
                <li key={a.id}>
                  <bdi>{a.name}</bdi>
                  <span className="muted"> · </span>
                  <select
                    aria-label={`Role of ${a.name}`}
                    value={a.role}
                    disabled={busy}
                    onChange={(e) =>
                      act(() =>
                        extrasApi.saveAttendee({ id: a.id, sessionId: session.id, name: a.name, role: e.target.value }),
                      )
                    }
                  >
                    {attendeeRoles.map((r) => (
                      <option key={r} value={r}>
                        {roleWord(r)}
                      </option>
                    ))}
                  </select>{' '}
                  <button
                    type="button"
                    className="btn btn-small btn-quiet"
                    disabled={busy}
                    onClick={() => act(() => extrasApi.deleteAttendee(a.id))}
                  >
                    Remove<span className="sr-only"> {a.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <form className="inline-form" aria-label="Add an internal attendee" onSubmit={add}>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>Role</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
              {attendeeRoles.map((r) => (
                <option key={r} value={r}>
                  {roleWord(r)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="btn btn-small" disabled={busy}>
          Add attendee
        </button>
      </form>
      <ErrorText message={error} />
    </section>
  )
}
