import { useCallback, useState } from 'react'
import type { Activity } from '../../../api/activity'
import { useAssumptionTimer } from '../run/useTimer'

/**
 * The time spent on each activity of a run, live: the one on screen counts
 * up with the run view's timer (useAssumptionTimer, reported through send
 * every few seconds and when it leaves the screen), and the others keep
 * what was counted while they were on screen, without asking the backend
 * again. seconds is the current activity's figure; spent[i] that of
 * activities[i].
 */
export function useActivityTime(
  activities: Activity[],
  current: Activity | undefined,
  send: (a: Activity, seconds: number) => void,
  now?: () => number,
) {
  // Seconds reported per activity since the run was read (its secondsSpent).
  const [reported, setReported] = useState<Record<number, number>>({})
  const id = current?.id ?? 0
  const key = `activity:${id}`
  // What had been reported of the activity on screen when it came on screen:
  // the timer counts this visit from 0, reports included.
  const [visit, setVisit] = useState({ key, before: 0 })
  if (visit.key !== key) setVisit({ key, before: reported[id] ?? 0 })
  const before = visit.key === key ? visit.before : (reported[id] ?? 0)

  const report = useCallback(
    (seconds: number) => {
      if (!current) return
      setReported((r) => ({ ...r, [current.id]: (r[current.id] ?? 0) + seconds }))
      send(current, seconds)
    },
    [current, send],
  )
  const seconds = useAssumptionTimer(key, (current?.secondsSpent ?? 0) + before, report, now)
  const spent = activities.map((a) => (a.id === id ? seconds : a.secondsSpent + (reported[a.id] ?? 0)))
  return { seconds, spent }
}
