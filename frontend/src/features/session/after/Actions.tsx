import { useState, type FormEvent } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type Action } from '../../../api/session'
import { Field } from '../../../components/Field'
import { formatDate } from '../../../components/hooks'
import { SubmitRow } from '../../../components/SubmitRow'
import { defaultOwner } from '../../team/owners'
import { OwnerSelect } from '../../team/OwnerSelect'
import { useRoster } from '../../team/useRoster'

function DoneBox({ a, onToggle }: { a: Action; onToggle: (done: boolean) => void }) {
  const [done, setDone] = useState(!!a.doneOn)
  return (
    <input
      type="checkbox"
      checked={done}
      onChange={(e) => {
        setDone(e.target.checked)
        onToggle(e.target.checked)
      }}
    />
  )
}

/** Follow-up tasks from the session, each with an owner and a due date. */
export function Actions({
  sessionId,
  items,
  onChange,
}: {
  sessionId: number
  items: Action[]
  onChange: () => Promise<void>
}) {
  const [title, setTitle] = useState('')
  const roster = useRoster()
  // Untouched, a new action is mine on a shared board.
  const [typed, setOwner] = useState<string | null>(null)
  const owner = typed ?? (roster ? defaultOwner(roster) : '')
  const [dueOn, setDueOn] = useState('')
  const [error, setError] = useState('')
  const run = async (fn: () => Promise<unknown>) => {
    setError('')
    try {
      await fn()
      await onChange()
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    }
  }
  async function add(e: FormEvent) {
    e.preventDefault()
    if (await run(() => sessionApi.saveAction({ id: 0, sessionId, title, owner, dueOn, done: false }))) {
      setTitle('')
      setDueOn('')
    }
  }
  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      {items.length === 0 ? (
        <p className="muted">No actions yet.</p>
      ) : (
        <ul className="action-list">
          {items.map((a) => (
            <li key={a.id} className={a.doneOn ? 'is-done' : undefined}>
              <label className="check">
                <DoneBox
                  key={a.doneOn}
                  a={a}
                  onToggle={(done) =>
                    run(() =>
                      sessionApi.saveAction({
                        id: a.id,
                        sessionId,
                        title: a.title,
                        owner: a.owner,
                        dueOn: a.dueOn,
                        done,
                      }),
                    )
                  }
                />
                <span className="action-title">{a.title}</span>
              </label>
              <span className="muted small">
                {[a.owner, a.dueOn && `due ${formatDate(a.dueOn)}`, a.doneOn && `done ${formatDate(a.doneOn)}`]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                onClick={() => run(() => sessionApi.deleteAction(a.id))}
              >
                Remove<span className="sr-only"> {a.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={add} aria-label="Add an action">
        <Field label="Action">{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
        <div className="grid-2">
          <Field label="Owner">
            {(p) =>
              roster?.shared ? (
                <OwnerSelect {...p} roster={roster} value={owner} onChange={setOwner} />
              ) : (
                <input {...p} value={owner} onChange={(e) => setOwner(e.target.value)} />
              )
            }
          </Field>
          <Field label="Due on">
            {(p) => <input {...p} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}
          </Field>
        </div>
        <SubmitRow label="Add action" error={error} />
      </form>
    </section>
  )
}
