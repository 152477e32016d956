import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList } from 'react'
import { errorCode, errorMessage } from '../../api'

/**
 * Loads data with load() on mount and whenever a value in deps changes;
 * reload() after a change. Keeps the last data while reloading. missing:
 * the load failed because what it asked for does not exist.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState('')
  const [missing, setMissing] = useState(false)
  const seq = useRef(0)
  // The newest load, so reload() keeps one identity and still reads current props.
  const latest = useRef(load)
  useLayoutEffect(() => {
    latest.current = load
  })
  const reload = useCallback(() => {
    const n = ++seq.current
    return latest.current().then(
      (d) => {
        if (n !== seq.current) return
        setData(d)
        setError('')
        setMissing(false)
      },
      (e) => {
        if (n !== seq.current) return
        setError(errorMessage(e))
        setMissing(errorCode(e) === 'not_found')
      },
    )
  }, [])
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked at each call (additionalHooks)
  useEffect(() => void reload(), deps)
  return { data, error, missing, reload, setData }
}
