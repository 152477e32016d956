import './room.css'
import { useState, type FormEvent } from 'react'
import { Alert, ErrorText } from '../../../../components/Alert'
import { Field } from '../../../../components/Field'
import type { Claim } from '../../../../api/room'
import type { Room } from './useRoom'

const stateWords: Record<string, string> = {
  pending: 'waiting for you',
  confirmed: 'confirmed',
  rejected: 'rejected',
}

/** One claim of a name: who it says, who it is on the board, and the buttons to decide. */
function ClaimRow({ c, busy, onConfirm }: { c: Claim; busy: boolean; onConfirm: (accept: boolean) => void }) {
  const who = c.guest ? `${c.name} (guest)` : c.name
  return (
    <li className={`room-claim room-claim-${c.state}`}>
      <span
        className={`room-dot${c.online ? ' room-dot-on' : ''}`}
        role="img"
        aria-label={c.online ? 'online' : 'offline'}
      />
      <span>
        {c.guest ? (
          // A guest typed their name: there is no member to show until they are confirmed (then it is that name).
          <>
            <bdi>{c.name}</bdi> (guest)
          </>
        ) : (
          <>
            <bdi>{c.name}</bdi> → <bdi>{c.member}</bdi>
          </>
        )}
      </span>
      <span className="muted small">{stateWords[c.state] ?? c.state}</span>
      {c.state !== 'rejected' && (
        <span className="room-claim-actions">
          {c.state === 'pending' && (
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => onConfirm(true)}>
              Confirm<span className="sr-only"> {who}</span>
            </button>
          )}
          <button type="button" className="btn btn-small btn-quiet" disabled={busy} onClick={() => onConfirm(false)}>
            Reject<span className="sr-only"> {who}</span>
          </button>
        </span>
      )}
    </li>
  )
}

/** The join address, with a button that copies it. */
function JoinAddress({ url }: { url: string }) {
  const [copied, setCopied] = useState(false)
  async function copy() {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
    } catch {
      setCopied(false) // no clipboard here: the address stays selectable
    }
  }
  return (
    <div className="room-url">
      <Field label="Join address">
        {(p) => <input {...p} readOnly value={url} onFocus={(e) => e.target.select()} />}
      </Field>
      <button type="button" className="btn btn-small" onClick={() => void copy()}>
        Copy address
      </button>
      {copied && (
        <span className="muted small" role="status">
          Copied
        </span>
      )}
    </div>
  )
}

/** Where to listen and TLS files: most rooms need none of it. */
function OpenForm({ room }: { room: Room }) {
  const [addr, setAddr] = useState('')
  const [certFile, setCertFile] = useState('')
  const [keyFile, setKeyFile] = useState('')
  const [insist, setInsist] = useState(false)
  function submit(e: FormEvent) {
    e.preventDefault()
    void room.open({ addr: addr.trim(), certFile: certFile.trim(), keyFile: keyFile.trim(), insist })
  }
  return (
    <form onSubmit={submit} className="room-open">
      <p className="muted">
        Participants join on their phones over this network: they pick their first name, you confirm it is them.
      </p>
      <details>
        <summary>More options</summary>
        <Field label="Address (host:port)" hint="Empty: this laptop's address on the local network, port 7421.">
          {(p) => (
            <input {...p} value={addr} onChange={(e) => setAddr(e.target.value)} placeholder="192.168.1.20:7421" />
          )}
        </Field>
        <Field label="Certificate file (TLS)" hint="Both files or neither.">
          {(p) => <input {...p} value={certFile} onChange={(e) => setCertFile(e.target.value)} />}
        </Field>
        <Field label="Key file (TLS)">
          {(p) => <input {...p} value={keyFile} onChange={(e) => setKeyFile(e.target.value)} />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={insist} onChange={(e) => setInsist(e.target.checked)} />
          Open without TLS even on an address that is not private
        </label>
      </details>
      <button type="submit" className="btn btn-primary" disabled={room.busy}>
        Open the room
      </button>
    </form>
  )
}

/** The room card of the run view: open it, show how to join, confirm who joined, close it. */
export function RoomPanel({ room, onProjector }: { room: Room; onProjector: () => void }) {
  const s = room.status
  return (
    <section className="card room-panel" aria-labelledby="room-title">
      <h2 id="room-title">Room</h2>
      <ErrorText message={room.error} />
      {!s?.open ? (
        <OpenForm room={room} />
      ) : (
        <>
          <div className="room-join">
            {s.qr && <img className="room-qr" src={s.qr} alt="QR code of the join address" />}
            <div>
              <JoinAddress url={s.url} />
              {s.warning && (
                <Alert tone="info" title="Who can see the traffic">
                  {s.warning}
                </Alert>
              )}
            </div>
          </div>
          <h3>Who joined</h3>
          {s.claims.length === 0 ? (
            <p className="muted">Nobody yet.</p>
          ) : (
            <ul className="room-claims" aria-label="Claims">
              {s.claims.map((c) => (
                <ClaimRow key={c.id} c={c} busy={room.busy} onConfirm={(ok) => void room.confirm(c.id, ok)} />
              ))}
            </ul>
          )}
        </>
      )}
      <div className="room-actions">
        <button type="button" className="btn" onClick={onProjector}>
          Projector
        </button>
        {s?.open && (
          <button type="button" className="btn btn-quiet" disabled={room.busy} onClick={() => void room.close()}>
            Close the room
          </button>
        )}
      </div>
    </section>
  )
}
