import { useEffect, useRef, useState } from 'react'

/** Seconds AddTime is sent after, while an assumption stays on screen. */
export const TIMER_STEP = 10

/**
 * Counts the seconds an assumption is on screen (while the page is visible)
 * and reports them with report(seconds) every TIMER_STEP seconds and when the
 * assumption changes or the view goes away. Returns the total to show.
 */
export function useAssumptionTimer(key: string, base: number, report: (seconds: number) => void, now: () => number = Date.now): number {
  const [shown, setShown] = useState(base)
  const reportRef = useRef(report)
  reportRef.current = report

  useEffect(() => {
    // The report of this key: when the key changes, the next render has
    // already put the new key's report in the ref before this cleanup runs.
    const report = reportRef.current
    let unsent = 0 // whole seconds counted but not yet reported
    let since = now()
    let counted = 0
    const tick = () => {
      if (document.visibilityState === 'hidden') {
        since = now()
        return
      }
      const t = now()
      const whole = Math.floor((t - since) / 1000)
      if (whole > 0) {
        since += whole * 1000
        unsent += whole
        counted += whole
        setShown(base + counted)
      }
      if (unsent >= TIMER_STEP) {
        report(unsent)
        unsent = 0
      }
    }
    setShown(base)
    const id = setInterval(tick, 1000)
    const onHide = () => {
      if (document.visibilityState === 'hidden') {
        tick()
        if (unsent > 0) report(unsent)
        unsent = 0
      } else since = now()
    }
    document.addEventListener('visibilitychange', onHide)
    return () => {
      clearInterval(id)
      document.removeEventListener('visibilitychange', onHide)
      tick()
      if (unsent > 0) report(unsent)
    }
    // base only matters when the assumption changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return shown
}
