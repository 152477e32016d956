import { useEffect, useRef, useState } from 'react'
import { loopApi, onLoopChanged, watchDue, type DueNotification } from '../../api/loop'
import { today as localToday } from '../../components/hooks'
import { href } from '../../router'
import { dueLabel } from './labels'

/** The count of what is due (overdue + today): every minute and after every change. */
export function useDueBadge(): number | null {
  const [n, setN] = useState<number | null>(null)
  useEffect(() => {
    let live = true
    const load = () =>
      loopApi.badge().then(
        (v) => live && setN(v),
        () => {},
      )
    void load()
    const t = setInterval(load, 60_000)
    const off = onLoopChanged(load)
    return () => {
      live = false
      clearInterval(t)
      off()
    }
  }, [])
  return n
}

const noticeKey = (d: DueNotification) => `${d.reminderId}@${d.dueAt}`

/**
 * Due reminders shown in the page, politely, once each: the browser has
 * no desktop notifications, and in the window they also stay in view.
 */
export function DueNotices() {
  const [notices, setNotices] = useState<DueNotification[]>([])
  const seen = useRef(new Set<string>())
  useEffect(
    () =>
      watchDue((due) => {
        const fresh = due.filter((d) => !seen.current.has(noticeKey(d)))
        for (const d of fresh) seen.current.add(noticeKey(d))
        if (fresh.length) setNotices((ns) => [...ns, ...fresh].slice(-5))
      }),
    [],
  )
  const today = localToday()
  const dismiss = (k: string) => setNotices((ns) => ns.filter((n) => noticeKey(n) !== k))
  return (
    <section className="due-notices" aria-label="Due reminders">
      <ul role="status" aria-live="polite" aria-relevant="additions">
        {notices.map((n) => (
          <li key={noticeKey(n)} className="due-notice">
            <div>
              <p className="strong">Due: {n.title}</p>
              {n.body && <p className="small muted due-notice-body">{n.body}</p>}
              <p className="small">
                <span className="muted">{dueLabel(n.dueAt, today)}</span> ·{' '}
                <a href={href('/followups/overdue')} onClick={() => dismiss(noticeKey(n))}>
                  Open follow-ups
                </a>
              </p>
            </div>
            <button type="button" className="btn btn-small btn-quiet" onClick={() => dismiss(noticeKey(n))}>
              Dismiss<span className="sr-only"> {n.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
