import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react'
import { errorMessage, savedText } from '../../api'
import { exportCalendar, loopApi, onLoopChanged } from '../../api/loop'
import { Alert } from '../../components/Alert'
import { PlusIcon } from '../../components/Icons'
import { PageHeader } from '../../components/PageHeader'
import { href, navigate } from '../../router'
import { useLoad } from '../session/useLoad'
import { ChainGroup } from './ChainGroup'
import { ClosurePanel } from './ClosurePanel'
import { loopWord, views, type View } from './labels'
import { ReminderItem } from './ReminderItem'
import { countOf, entries, initialTickler, nextQuery, shownLabel, ticklerReducer } from './ticklerState'

const empty: Record<View, string> = {
  overdue: 'Nothing overdue. Well kept.',
  today: 'Nothing due today.',
  week: 'Nothing due in the next seven days.',
  later: 'Nothing planned further out.',
  done: 'Nothing done yet.',
}

/**
 * The tickler: what is overdue, due today, this week, later, and done.
 * With no view in the route it opens on what needs action now (overdue,
 * else today); a view the user picks stays while they are on the page.
 */
export function TicklerPage({ view }: { view: View | null }) {
  const [s, dispatch] = useReducer(ticklerReducer, view, initialTickler)
  const [message, setMessage] = useState('')
  const [exportNote, setExportNote] = useState<{ ok: boolean; text: string } | null>(null)
  const settings = useLoad(() => loopApi.getSettings(), [])
  const closure = useLoad(() => loopApi.boardClosure(), [])

  useEffect(() => dispatch({ type: 'view', view }), [view])

  // The view and items on screen, for a reload that a child asks for after an await.
  const shown = useRef(s)
  useLayoutEffect(() => {
    shown.current = s
  })
  const load = useCallback(async (more: boolean, fresh = false) => {
    dispatch({ type: 'loading' })
    try {
      const { view, items } = shown.current
      const page = await loopApi.tickler(nextQuery({ view, items: fresh ? [] : items }, more))
      dispatch({ type: 'loaded', page, append: more })
    } catch (e) {
      dispatch({ type: 'failed', error: errorMessage(e) })
    }
  }, [])
  // Afresh on every change of route (epoch), not when the backend's pick fills in the view.
  useEffect(() => {
    void load(false, true)
  }, [s.epoch, load])
  // Changes made elsewhere (a share-back accepted, the minute tick of the badge).
  const reloadClosure = closure.reload
  useEffect(() => onLoopChanged(() => void reloadClosure()), [reloadClosure])

  const changed = async (text: string) => {
    setMessage(text)
    await load(false)
  }

  async function exportIcs() {
    setExportNote(null)
    try {
      const saved = await exportCalendar()
      if (saved) setExportNote({ ok: true, text: savedText(saved) })
    } catch (e) {
      setExportNote({ ok: false, text: errorMessage(e) })
    }
  }

  const counts = s.counts
  const dueHour = settings.data?.dueHour ?? 9
  return (
    <section className="page" aria-label="Follow-ups">
      <PageHeader
        title="Follow-ups"
        meta={counts && <span>{counts.badge === 0 ? 'Nothing due' : `${counts.badge.toLocaleString()} due now`}</span>}
      >
        <button type="button" className="btn btn-primary" onClick={() => navigate('/followups/new')}>
          <PlusIcon /> New reminder
        </button>
        <button type="button" className="btn" onClick={exportIcs}>
          Export calendar (.ics)
        </button>
      </PageHeader>
      {exportNote &&
        (exportNote.ok ? (
          <p className="saved export-note" role="status">
            {exportNote.text}. Import it in Google Calendar, Outlook or Apple Calendar; importing again updates the same
            events.
          </p>
        ) : (
          <Alert tone="error" title="The calendar could not be exported">
            {exportNote.text}
          </Alert>
        ))}

      <div className="loop-layout">
        <div className="loop-main">
          <nav className="view-tabs" aria-label="Tickler views">
            {views.map((v) => {
              const n = countOf(counts, v)
              return (
                <a
                  key={v}
                  href={href(`/followups/${v}`)}
                  aria-current={v === s.view ? 'page' : undefined}
                  className={v === 'overdue' && n ? 'has-overdue' : undefined}
                >
                  {loopWord(v)}
                  {n !== null && <span className="view-count">{n.toLocaleString()}</span>}
                </a>
              )
            })}
          </nav>
          <p className="sr-only" role="status">
            {message}
          </p>
          {s.error && (
            <Alert tone="error" title="The follow-ups could not be loaded">
              {s.error}
            </Alert>
          )}
          {!s.error && s.items.length === 0 && !s.loading && s.view && (
            <p className="empty-filtered">{empty[s.view]}</p>
          )}
          {s.items.length > 0 && (
            <ul className="rem-list" aria-label={`${loopWord(s.view ?? '')} reminders`} aria-busy={s.loading}>
              {entries(s.items).map((e) =>
                e.type === 'one' ? (
                  <ReminderItem key={e.key} r={e.r} today={s.today} dueHour={dueHour} onChanged={changed} />
                ) : (
                  <ChainGroup
                    key={e.key}
                    sessionId={e.sessionId}
                    session={e.session}
                    items={e.items}
                    count={s.chains.find((c) => c.sessionId === e.sessionId)}
                    today={s.today}
                    dueHour={dueHour}
                    onChanged={changed}
                  />
                ),
              )}
            </ul>
          )}
          {s.items.length === 0 && s.loading && <p className="muted">Loading…</p>}
          {s.items.length < s.total && (
            <div className="form-actions">
              <button type="button" className="btn" onClick={() => load(true)} disabled={s.loading}>
                Show more
              </button>
              <span className="muted small">{shownLabel(s)}</span>
            </div>
          )}
        </div>
        <aside className="loop-side">
          {closure.data && <ClosurePanel closure={closure.data} title="Loop closure across the board" showSessions />}
          {closure.error && <Alert tone="error">{closure.error}</Alert>}
        </aside>
      </div>
    </section>
  )
}
