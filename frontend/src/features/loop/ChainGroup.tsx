import { useId, useState } from 'react'
import type { ChainCount, Reminder } from '../../api/loop'
import { href } from '../../router'
import { plural } from '../../text'
import { dueLabel, loopWord, overdueLabel } from './labels'
import { ReminderItem } from './ReminderItem'
import { chainSteps } from './ticklerState'

interface Props {
  sessionId: number
  session: string
  /** The chain's reminders in this view, soonest first. */
  items: Reminder[]
  /** The whole chain's counts (every view); undefined while unknown. */
  count: ChainCount | undefined
  today: string
  dueHour: number
  onChanged: (message: string) => Promise<void>
}

/**
 * A session's follow-up chain as one item of the tickler: its steps with
 * how many people each, the chain's done, open and overdue counts, and the
 * reminders themselves behind a button.
 */
export function ChainGroup({ sessionId, session, items, count, today, dueHour, onChanged }: Props) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const titleId = `${id}-title`
  const late = items.some((r) => !r.doneAt && overdueLabel(r.dueAt, today))
  return (
    <li className={`rem chain${late ? ' rem-overdue' : ''}`} aria-labelledby={titleId}>
      <div className="rem-row">
        <div className="rem-main">
          <h3 className="rem-title" id={titleId}>
            Follow-up chain: {session}
          </h3>
          {count && (
            <p className="rem-meta">
              <span>
                {count.done.toLocaleString()} done · {count.open.toLocaleString()} open
                {count.overdue > 0 && (
                  <>
                    {' · '}
                    <span className="rem-late">{count.overdue.toLocaleString()} overdue</span>
                  </>
                )}
              </span>
            </p>
          )}
          <ul className="chain-steps" aria-label={`Steps of ${session}`}>
            {chainSteps(items).map((s) => {
              const people = s.items.filter((r) => r.memberId > 0).length
              const first = s.items[0]
              return (
                <li key={s.kind}>
                  <span className="tag">{loopWord(s.kind)}</span>
                  <span>{people ? `for ${plural(people, 'person', 'people')}` : 'team task'}</span>
                  <time dateTime={first.dueAt} className="rem-due">
                    {first.doneAt ? '' : dueLabel(first.dueAt, today)}
                  </time>
                </li>
              )
            })}
          </ul>
          <p className="rem-links">
            <a href={href(`/sessions/after/${sessionId}`)}>{session}</a>
          </p>
        </div>
        <div className="rem-actions">
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={open}
            aria-controls={open ? `${id}-items` : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Hide' : 'Show'} {plural(items.length, 'reminder')}
            <span className="sr-only"> of {session}</span>
          </button>
        </div>
      </div>
      {open && (
        <ul className="rem-list chain-items" id={`${id}-items`} aria-label={`Reminders of ${session}`}>
          {items.map((r) => (
            <ReminderItem key={r.id} r={r} today={today} dueHour={dueHour} onChanged={onChanged} nested />
          ))}
        </ul>
      )}
    </li>
  )
}
