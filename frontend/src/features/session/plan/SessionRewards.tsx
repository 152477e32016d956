import { useEffect, useId, useState, type FormEvent } from 'react'
import type { Session } from '../../../api/session'
import { extrasApi, RewardStatus, type RewardPerson, type SessionRewards as View } from '../../../api/sessionExtras'
import { Alert, ErrorText } from '../../../components/Alert'
import { toCents } from '../../board/member/TimelineForms'
import { word } from '../labels'
import { useLoad } from '../useLoad'
import { money, participantsStamp, rewardable, totalsLine } from './extras'
import { useAction } from './useAction'

/** One person's rewards at the session, each promised one with a button to mark it given. */
function PersonRewards({
  person,
  currency,
  busy,
  onGive,
  onRemove,
}: {
  person: RewardPerson
  currency: string
  busy: boolean
  onGive: (id: number) => void
  onRemove: (id: number) => void
}) {
  if (person.rewards.length === 0) return <span className="muted">—</span>
  return (
    <ul className="plain-list">
      {person.rewards.map((r) => (
        <li key={r.id}>
          <bdi>{r.what}</bdi>
          {r.valueCents > 0 && ` · ${money(r.valueCents, r.currency || currency)}`}
          {r.idea && (
            <>
              {' · for '}
              <q>
                <bdi>{r.idea}</bdi>
              </q>
            </>
          )}
          {r.status === RewardStatus.PROMISED ? (
            <>
              {' · promised '}
              <button
                type="button"
                className="btn btn-small"
                disabled={busy}
                aria-label={`Mark given: ${r.what} for ${person.name}`}
                onClick={() => onGive(r.id)}
              >
                Mark given
              </button>
            </>
          ) : (
            ` · given ${r.givenOn}`
          )}{' '}
          <button
            type="button"
            className="btn btn-small btn-quiet"
            disabled={busy}
            aria-label={`Remove: ${r.what} for ${person.name}`}
            onClick={() => onRemove(r.id)}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  )
}

/**
 * The session's rewards: a budget, what each participant was promised and
 * given (and for which idea), the totals against the budget, and a warning
 * when they exceed it.
 */
export function SessionRewards({ session }: { session: Session }) {
  const id = useId()
  const stamp = participantsStamp(session)
  const {
    data: view,
    error: loadError,
    reload,
    setData,
  } = useLoad(() => extrasApi.sessionRewards(session.id), [session.id])
  // Someone added to the session, or removed, changes who can be rewarded.
  useEffect(() => void reload(), [stamp, reload])
  const [budget, setBudget] = useState<string | null>(null) // null: the saved budget
  const [currency, setCurrency] = useState<string | null>(null)
  const [memberId, setMemberId] = useState(0)
  const [what, setWhat] = useState('')
  const [amount, setAmount] = useState('')
  const [entryId, setEntryId] = useState(0)
  const { busy, error, setError, run } = useAction()
  /** Runs a change; the view comes from its answer, or is read again. */
  const act = (fn: () => Promise<View | void>) =>
    run(async () => {
      const next = await fn()
      if (next) setData(next)
      else await reload()
    })

  if (!view) {
    return (
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Rewards</h2>
        {loadError ? <p className="error-text">{loadError}</p> : <p className="muted">Loading…</p>}
      </section>
    )
  }
  const people = rewardable(view.people)
  const chosen = people.some((p) => p.memberId === memberId) ? memberId : (people[0]?.memberId ?? 0)
  const budgetText = budget ?? (view.budgetCents > 0 ? money(view.budgetCents, '') : '')
  const currencyText = currency ?? (view.currency || 'EUR')

  async function saveBudget(e: FormEvent) {
    e.preventDefault()
    const budgetCents = toCents(budgetText)
    if (Number.isNaN(budgetCents)) {
      setError('Budget must be a number, for example 100 or 99.50')
      return
    }
    const ok = await act(() =>
      extrasApi.setRewardBudget(session.id, { budgetCents, currency: budgetCents > 0 ? currencyText : '' }),
    )
    if (ok) {
      setBudget(null)
      setCurrency(null)
    }
  }

  async function add(status: RewardStatus) {
    const valueCents = toCents(amount)
    if (Number.isNaN(valueCents)) {
      setError('Value must be a number, for example 25 or 12.50')
      return
    }
    const input = { what, valueCents, currency: '', givenOn: '', note: '', sessionId: session.id, entryId, status }
    const ok = await act(async () => {
      await extrasApi.addReward(chosen, input)
    })
    if (ok) {
      setWhat('')
      setAmount('')
      setEntryId(0)
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Rewards</h2>
      <form className="inline-form" aria-label="Reward budget" onSubmit={saveBudget}>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-budget`}>Budget</label>
            <input
              id={`${id}-budget`}
              inputMode="decimal"
              value={budgetText}
              placeholder="none"
              onChange={(e) => setBudget(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-currency`}>Currency</label>
            <input
              id={`${id}-currency`}
              maxLength={3}
              value={currencyText}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            />
          </div>
        </div>
        <button type="submit" className="btn btn-small" disabled={busy}>
          Save budget
        </button>
      </form>
      <p className="rewards-totals" aria-live="polite">
        {totalsLine(view)}
      </p>
      {view.warning && <Alert tone="warning">{view.warning}</Alert>}
      {view.people.length === 0 ? (
        <p className="muted">Choose participants first: rewards go to them.</p>
      ) : (
        <table className="table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col">Promised</th>
              <th scope="col">Given</th>
              <th scope="col">Rewards</th>
            </tr>
          </thead>
          <tbody>
            {view.people.map((p) => (
              <tr key={p.memberId}>
                <th scope="row">
                  <bdi>{p.name}</bdi>
                  {p.state && <span className="muted small"> {word(p.state)}</span>}
                </th>
                <td>{money(p.promisedCents, view.currency)}</td>
                <td>{money(p.givenCents, view.currency)}</td>
                <td>
                  <PersonRewards
                    person={p}
                    currency={view.currency}
                    busy={busy}
                    onGive={(rid) => act(() => extrasApi.giveReward(rid, '').then(() => undefined))}
                    onRemove={(rid) => act(() => extrasApi.deleteReward(rid))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {people.length > 0 && (
        <form
          className="inline-form"
          aria-label="Promise or give a reward"
          onSubmit={(e) => {
            e.preventDefault()
            void add(RewardStatus.PROMISED)
          }}
        >
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${id}-who`}>To</label>
              <select id={`${id}-who`} value={chosen} onChange={(e) => setMemberId(Number(e.target.value))}>
                {people.map((p) => (
                  <option key={p.memberId} value={p.memberId}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-what`}>Reward</label>
              <input
                id={`${id}-what`}
                value={what}
                placeholder="Gift card"
                maxLength={200}
                onChange={(e) => setWhat(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-amount`}>Value{view.currency && ` (${view.currency})`}</label>
              <input
                id={`${id}-amount`}
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            </div>
            {view.ideas.length > 0 && (
              <div className="field">
                <label htmlFor={`${id}-idea`}>For the idea</label>
                <select id={`${id}-idea`} value={entryId} onChange={(e) => setEntryId(Number(e.target.value))}>
                  <option value={0}>No idea in particular</option>
                  {view.ideas.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.text}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-small" disabled={busy}>
              Promise
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => void add(RewardStatus.GIVEN)}
            >
              Give now
            </button>
          </div>
        </form>
      )}
      <ErrorText message={error} />
    </section>
  )
}
