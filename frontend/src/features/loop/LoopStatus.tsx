import { useEffect, useState } from 'react'
import { loopApi, onLoopChanged, watchDue, type DueSummary } from '../../api/loop'
import { href } from '../../router'
import { plural } from '../../text'

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

/**
 * One notice for the reminders that fell due, however many: a later sweep
 * replaces it, and the count of everything due follows the badge, so
 * notices never pile up. The browser has no desktop notifications, and in
 * the window it stays in view too.
 */
export function DueNotices({ due }: { due: number | null }) {
  const [latest, setLatest] = useState<DueSummary | null>(null)
  useEffect(() => watchDue(setLatest), [])
  const count = due ?? latest?.due ?? 0
  const dismiss = () => setLatest(null)
  return (
    <section className="due-notices" aria-label="Due reminders">
      <div role="status" aria-live="polite">
        {latest && count > 0 && (
          <div className="due-notice">
            <p className="strong">{plural(count, 'follow-up')} due</p>
            <p className="small muted due-notice-body">{latest.new === 1 ? latest.title : `New: ${latest.body}`}</p>
            <p className="small">
              <a href={href('/followups')} onClick={dismiss}>
                Open follow-ups
              </a>
            </p>
            <button type="button" className="btn btn-small btn-quiet" onClick={dismiss}>
              Dismiss<span className="sr-only"> the due follow-ups</span>
            </button>
          </div>
        )}
      </div>
    </section>
  )
}
