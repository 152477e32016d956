import { useEffect, useState } from 'react'
import { AutosaveQueue, type SaveStatus } from './autosave'

/**
 * One autosave queue for a view. Everything waiting is sent when the view
 * goes away, the page is hidden or closed, or the window loses focus.
 */
export function useAutosave(delay = 250) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle', error: '' })
  const [queue] = useState(() => new AutosaveQueue({ delay, onStatus: setStatus }))

  useEffect(() => {
    const flush = () => {
      void queue.flush()
    }
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    // Sends started here outlive the page: the shim marks small requests keepalive.
    // When saves have been failing, also ask the browser to confirm leaving,
    // so a closed tab does not silently lose typing (sends in flight are
    // keepalive and outlive the page, so they need no prompt).
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      flush()
      if (queue.current.state === 'error') e.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    window.addEventListener('pagehide', flush)
    window.addEventListener('blur', flush)
    document.addEventListener('visibilitychange', onHide)
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      window.removeEventListener('pagehide', flush)
      window.removeEventListener('blur', flush)
      document.removeEventListener('visibilitychange', onHide)
      flush()
      queue.dispose()
    }
  }, [queue])

  return { queue, status }
}

/** "Saved" / "Saving…" / the error, announced politely. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  const text =
    status.state === 'saving'
      ? 'Saving…'
      : status.state === 'saved'
        ? 'Saved'
        : status.state === 'error'
          ? `Not saved: ${status.error}`
          : ''
  return (
    <span className={`save-status save-${status.state}`} role="status" aria-live="polite">
      {text}
    </span>
  )
}
