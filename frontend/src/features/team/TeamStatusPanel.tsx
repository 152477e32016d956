import type { TeamStatus } from '../../api/team'
import { plural } from '../../text'
import { relativeTime, teammateRows } from './labels'
import { RemoveButton } from './RemoveButton'

/**
 * The team as this laptop sees it: the folder, the last pass, what waits, who is in it (each teammate's laptop
 * with a Remove button), what went wrong.
 */
export function TeamStatusPanel({
  status,
  now,
  onChanged,
}: {
  status: TeamStatus
  now: number
  onChanged: () => void
}) {
  const rows = teammateRows(status.teammates, now)
  const mates = new Map((status.teammates ?? []).map((m) => [m.device, m]))
  return (
    <>
      <section className="team-section" aria-labelledby="team-sync-heading">
        <h2 id="team-sync-heading">Sync</h2>
        <dl className="team-facts">
          <dt>Shared folder</dt>
          <dd>
            <code>{status.folder}</code>
          </dd>
          <dt>Last sync</dt>
          <dd title={status.lastSync}>{relativeTime(status.lastSync, now)}</dd>
          <dt>Not yet written out</dt>
          <dd>{plural(status.pending, 'change')} of yours</dd>
          <dt>Held back</dt>
          <dd>{plural(status.held, 'change')} received but not applied yet</dd>
          <dt>Waiting</dt>
          <dd>{plural(status.waiting, 'record')} waiting for a record they belong to</dd>
        </dl>
        {(status.problems?.length ?? 0) > 0 && (
          <div className="alert alert-warning" role="alert">
            <p className="alert-title">The last sync ran into problems</p>
            <ul className="alert-body">
              {status.problems?.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section className="team-section" aria-labelledby="team-mates-heading">
        <h2 id="team-mates-heading">Teammates</h2>
        <div className="table-scroll">
          <table className="table">
            <caption className="sr-only">Teammates, this laptop first</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Laptop</th>
                <th scope="col" className="num">
                  Files applied
                </th>
                <th scope="col">Last applied</th>
                <th scope="col">
                  <span className="sr-only">Notes</span>
                </th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.person}</th>
                  <td>{r.laptop}</td>
                  <td className="num">{r.files}</td>
                  <td>{r.lastApplied}</td>
                  <td>
                    {r.notes.map((n) => (
                      <span key={n} className="badge badge-muted">
                        {n}
                      </span>
                    ))}
                  </td>
                  <td>{r.removable && <RemoveButton mate={mates.get(r.key)!} onRemoved={onChanged} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}
