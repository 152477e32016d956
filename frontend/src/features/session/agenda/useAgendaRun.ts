import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { errorMessage } from '../../../api'
import { activityApi, type Activity, type AgendaRun } from '../../../api/activity'
import { useAutosave } from '../useAutosave'
import { fromEntries } from './entries'
import { activityKey } from './keys'
import { useActivityTime } from './useActivityTime'
import { useEntries } from './useEntries'

/** Sends time counted on an activity; the assumption check counts its time per assumption (package session). */
function sendTime(a: Activity, seconds: number) {
  if (a.kind !== 'assumption_check') activityApi.addTime(a.id, Math.min(seconds, 3600)).catch(() => {})
}

/**
 * The agenda as the run view walks it: every activity with its entries,
 * which one is on screen (remembered by the backend across reloads), the
 * time spent on it, and the entries as typed.
 */
export function useAgendaRun(sessionId: number, onSaved?: (memberId: number) => void) {
  const [run, setRun] = useState<AgendaRun | null>(null)
  const [error, setError] = useState('')
  const [actionError, setActionError] = useState('')
  const [current, setCurrent] = useState(0)
  const { queue, status } = useAutosave(250)
  const entries = useEntries(sessionId, queue, setActionError, onSaved)
  const { load, merge } = entries
  const strip = useRef<HTMLElement>(null)

  useEffect(() => {
    activityApi.run(sessionId).then(
      (r) => {
        setRun(r)
        load(fromEntries(r.runs.flatMap((x) => x.entries)))
        setCurrent(Math.min(Math.max(0, r.agenda.current), Math.max(0, r.runs.length - 1)))
      },
      (e) => setError(errorMessage(e)),
    )
  }, [sessionId, load])

  /**
   * Reads the run again and takes in what changed elsewhere (the room): the
   * activities' flags and items, and entries merged with what is typed here.
   * The activity on screen and the time counted here stay as they are.
   */
  const refresh = useCallback(async () => {
    const r = await activityApi.run(sessionId)
    setRun((prev) => {
      const spent = new Map(prev?.runs.map((x) => [x.activity.id, x.activity.secondsSpent]))
      const runs = r.runs.map((x) => ({
        ...x,
        activity: { ...x.activity, secondsSpent: spent.get(x.activity.id) ?? x.activity.secondsSpent },
      }))
      return { ...r, runs }
    })
    merge(fromEntries(r.runs.flatMap((x) => x.entries)))
    setCurrent((c) => Math.min(c, Math.max(0, r.runs.length - 1)))
  }, [sessionId, merge])

  /** Shows an activity as the backend now holds it (revealed, locked). */
  const patchActivity = useCallback((a: Activity) => {
    setRun((r) =>
      r
        ? {
            ...r,
            runs: r.runs.map((x) =>
              x.activity.id === a.id
                ? { ...x, activity: { ...x.activity, revealed: a.revealed, locked: a.locked } }
                : x,
            ),
          }
        : r,
    )
  }, [])

  const count = run?.runs.length ?? 0
  const activity = run?.runs[current]?.activity
  const go = useCallback(
    (next: number) => {
      if (next < 0 || next >= count || next === current) return
      void queue.flush()
      setCurrent(next)
      queue.set('current', next, (i) => activityApi.setCurrent(sessionId, i as number))
      requestAnimationFrame(() => document.getElementById('activity-title')?.focus())
    },
    [count, current, queue, sessionId],
  )

  const activities = useMemo(() => run?.runs.map((x) => x.activity) ?? [], [run])
  const { seconds, spent } = useActivityTime(activities, activity, sendTime)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const delta = activityKey(e)
      if (!delta) return
      e.preventDefault()
      go(current + delta)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go, current])

  return {
    run,
    error,
    actionError,
    current,
    activity,
    activities,
    go,
    seconds,
    spent,
    status,
    entries,
    strip,
    queue,
    refresh,
    patchActivity,
  }
}
