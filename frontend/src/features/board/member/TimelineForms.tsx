import { useState, type FormEvent } from 'react'
import { api, errorMessage } from '../../../api'
import { Field } from '../../../components/Field'
import { today } from '../../../components/hooks'
import { label, touchpointKinds } from '../labels'
import { SubmitRow } from '../../../components/SubmitRow'

interface Props {
  memberId: number
  onDone: () => Promise<void>
}

function useSubmit(run: () => Promise<unknown>, onDone: () => Promise<void>) {
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      await run()
      await onDone()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }
  return { submit, error, busy }
}

/** Logs a call, email, session, meeting, message or note. */
export function TouchpointForm({ memberId, onDone }: Props) {
  const [kind, setKind] = useState('call')
  const [happenedOn, setHappenedOn] = useState(today())
  const [summary, setSummary] = useState('')
  const { submit, error, busy } = useSubmit(() => api.addTouchpoint(memberId, { kind, happenedOn, summary }), onDone)
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Log a touchpoint">
      <div className="grid-2">
        <Field label="Kind">
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
              {touchpointKinds.map((k) => (
                <option key={k} value={k}>
                  {label(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Date">
          {(p) => <input {...p} type="date" value={happenedOn} onChange={(e) => setHappenedOn(e.target.value)} />}
        </Field>
        <Field label="Summary" className="span-2">
          {(p) => <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
      </div>
      <SubmitRow label="Log touchpoint" busy={busy} error={error} />
    </form>
  )
}

/** "12.50" -> 1250; "" -> 0. */
export function toCents(text: string): number {
  const t = text.trim().replace(',', '.')
  if (t === '') return 0
  const n = Number(t)
  return Number.isFinite(n) ? Math.round(n * 100) : NaN
}

/** Records a thank-you: a voucher, a gift, early access. */
export function RewardForm({ memberId, onDone }: Props) {
  const [what, setWhat] = useState('')
  const [value, setValue] = useState('')
  const [currency, setCurrency] = useState('EUR')
  const [givenOn, setGivenOn] = useState(today())
  const [note, setNote] = useState('')
  const { submit, error, busy } = useSubmit(() => {
    const valueCents = toCents(value)
    if (Number.isNaN(valueCents)) return Promise.reject('Value must be a number, for example 25 or 12.50')
    return api.addReward(memberId, {
      what,
      valueCents,
      currency: valueCents ? currency : '',
      givenOn,
      note,
      sessionId: 0,
      entryId: 0,
      status: 'given',
    })
  }, onDone)
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Add a reward">
      <div className="grid-2">
        <Field label="What" className="span-2" hint="For example a gift card or early access">
          {(p) => <input {...p} value={what} onChange={(e) => setWhat(e.target.value)} />}
        </Field>
        <Field label="Value" hint="Empty if it has no money value">
          {(p) => <input {...p} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <Field label="Currency">
          {(p) => (
            <input {...p} value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          )}
        </Field>
        <Field label="Given on">
          {(p) => <input {...p} type="date" value={givenOn} onChange={(e) => setGivenOn(e.target.value)} />}
        </Field>
        <Field label="Note">{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      </div>
      <SubmitRow label="Add reward" busy={busy} error={error} />
    </form>
  )
}
