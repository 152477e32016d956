import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../api'

/** Loads data with load(); reload() after a change. Keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState('')
  const seq = useRef(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fn = useCallback(load, deps)
  const reload = useCallback(async () => {
    const n = ++seq.current
    try {
      const d = await fn()
      if (n === seq.current) {
        setData(d)
        setError('')
      }
    } catch (e) {
      if (n === seq.current) setError(errorMessage(e))
    }
  }, [fn])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data, error, reload, setData }
}
