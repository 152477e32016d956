import { useEffect, useLayoutEffect, useRef, useState } from 'react'

/** Seconds AddTime is sent after, while an assumption stays on screen. */
export const TIMER_STEP = 10

/**
 * Counts the seconds an assumption is on screen (while the page is visible)
 * and reports them with report(seconds) every TIMER_STEP seconds and when the
 * assumption changes or the view goes away. Returns the total to show.
 */
export function useAssumptionTimer(
  key: string,
  base: number,
  report: (seconds: number) => void,
  now: () => number = Date.now,
): number {
  // Seconds counted on screen for key; a new key starts again from 0.
  const [onScreen, setOnScreen] = useState({ key, seconds: 0 })
  if (onScreen.key !== key) setOnScreen({ key, seconds: 0 })
  const reportRef = useRef(report)
  useLayoutEffect(() => {
    reportRef.current = report
  })

  useEffect(() => {
    // The report of this key: when the key changes, the layout effect has
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
        setOnScreen({ key, seconds: counted })
      }
      if (unsent >= TIMER_STEP) {
        report(unsent)
        unsent = 0
      }
    }
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
  }, [key, now])
  return base + (onScreen.key === key ? onScreen.seconds : 0)
}
