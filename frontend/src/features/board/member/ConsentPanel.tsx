import { useState, type FormEvent } from 'react'
import { api, errorMessage, type Consent } from '../../../api'
import { Field } from '../../../components/Field'
import { formatDate, today } from '../../../components/hooks'
import { consentKinds, label } from '../labels'
import { SubmitRow } from '../../../components/SubmitRow'

/** "Valid until 3 Mar 2026", "Revoked on …", "Expired on …", "Not granted". */
export function consentState(c: Consent | undefined): { text: string; tone: 'ok' | 'off' } {
  if (!c || !c.grantedOn) return { text: 'Not granted', tone: 'off' }
  if (c.revokedOn) return { text: `Revoked on ${formatDate(c.revokedOn)}`, tone: 'off' }
  if (c.valid) {
    const until = c.expiresOn ? `until ${formatDate(c.expiresOn)}` : 'no end date'
    return { text: `Valid, ${until} (granted ${formatDate(c.grantedOn)})`, tone: 'ok' }
  }
  if (c.expiresOn) return { text: `Expired on ${formatDate(c.expiresOn)}`, tone: 'off' }
  return { text: `Not valid (granted ${formatDate(c.grantedOn)})`, tone: 'off' }
}

interface Props {
  memberId: number
  consents: Consent[]
  onChange: () => Promise<void>
}

/** What the member agreed to: contact, recording, quoting. Grant, renew, revoke. */
export function ConsentPanel({ memberId, consents, onChange }: Props) {
  const [granting, setGranting] = useState<string | null>(null)
  const [error, setError] = useState<{ kind: string; text: string } | null>(null)

  async function revoke(kind: string) {
    setError(null)
    try {
      await api.revokeConsent(memberId, kind)
      await onChange()
    } catch (e) {
      setError({ kind, text: errorMessage(e) })
    }
  }

  return (
    <section className="card" aria-labelledby="consent-title">
      <h2 id="consent-title">Consent</h2>
      <ul className="consent-list">
        {consentKinds.map((kind) => {
          const c = consents.find((x) => x.kind === kind)
          const st = consentState(c)
          const active = !!c?.grantedOn && !c.revokedOn
          return (
            <li key={kind} className="consent-item">
              <div className="consent-row">
                <div>
                  <span className="consent-kind">{label(kind)}</span>
                  <span className={`consent-state consent-${st.tone}`}>{st.text}</span>
                  {c?.note && <span className="muted small">{c.note}</span>}
                  {c?.source && <span className="muted small">{c.source}</span>}
                </div>
                <div className="consent-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-expanded={granting === kind}
                    onClick={() => setGranting(granting === kind ? null : kind)}
                  >
                    {active ? 'Renew' : 'Grant'}
                    <span className="sr-only"> {kind} consent</span>
                  </button>
                  {c?.valid && (
                    <button type="button" className="btn btn-small btn-quiet" onClick={() => revoke(kind)}>
                      Revoke<span className="sr-only"> {kind} consent</span>
                    </button>
                  )}
                </div>
              </div>
              {granting === kind && (
                <GrantForm
                  kind={kind}
                  onDone={async () => {
                    setGranting(null)
                    await onChange()
                  }}
                  memberId={memberId}
                />
              )}
              {error?.kind === kind && (
                <p className="error-text" role="alert">
                  {error.text}
                </p>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function GrantForm({ kind, memberId, onDone }: { kind: string; memberId: number; onDone: () => Promise<void> }) {
  const [grantedOn, setGrantedOn] = useState(today())
  const [expiresOn, setExpiresOn] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      await api.setConsent(memberId, { kind, grantedOn, expiresOn, note, source: '' })
      await onDone()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Grant ${kind} consent`}>
      <div className="grid-2">
        <Field label="Granted on">
          {(p) => <input {...p} type="date" value={grantedOn} onChange={(e) => setGrantedOn(e.target.value)} />}
        </Field>
        <Field label="Expires on" hint="Empty: no end date">
          {(p) => <input {...p} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />}
        </Field>
        <Field label="Note" className="span-2" hint="For example how it was given: signed form, email reply">
          {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      <SubmitRow label="Save consent" busy={busy} error={error} />
    </form>
  )
}
