import { useState } from 'react'
import { errorMessage } from '../../../api'

/**
 * One backend call at a time from a panel: busy while it runs, its error
 * kept to show beside the panel. run resolves to true when the call
 * succeeded, so a form clears only then.
 */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  async function run(fn: () => Promise<unknown>): Promise<boolean> {
    setBusy(true)
    setError('')
    try {
      await fn()
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, run }
}
