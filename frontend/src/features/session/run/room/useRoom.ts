import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../../../api'
import { roomApi, type OpenInput, type RoomStatus } from '../../../../api/room'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * The session's room as the facilitator sees it: open or closed, its join
 * address and claims. While it is open a loop waits for the room's version
 * to grow (a long poll) and calls onChange after each new version, one at a
 * time, so bursts of writes from phones cost one re-read each, never a
 * pile of them. The loop ends when the room closes or the view goes.
 */
export function useRoom(sessionId: number, onChange: () => Promise<unknown>) {
  const [status, setStatus] = useState<RoomStatus | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const changed = useRef(onChange)
  useEffect(() => {
    changed.current = onChange
  })

  useEffect(() => {
    let live = true
    // A backend without the room service throws at once: the same as no room open.
    Promise.resolve(sessionId)
      .then(roomApi.status)
      .then(
        (s) => live && setStatus(s),
        () => {}, // no room service (an older backend): the panel offers to open one
      )
    return () => {
      live = false
    }
  }, [sessionId])

  const open = !!status?.open
  useEffect(() => {
    if (!open) return
    let stopped = false
    void (async () => {
      let version = 0 // answered at once: the first turn takes in what changed before the loop began
      while (!stopped) {
        const began = Date.now()
        try {
          const s = await roomApi.wait(sessionId, version)
          if (stopped) return
          setStatus(s)
          if (!s.open) return
          if (s.version !== version) {
            version = s.version
            await changed.current().catch((e: unknown) => setError(errorMessage(e)))
          } else if (Date.now() - began < 500) await sleep(1000) // never a busy loop
        } catch (e) {
          if (stopped) return
          setError(errorMessage(e))
          await sleep(2000)
        }
      }
    })()
    return () => {
      stopped = true
    }
  }, [open, sessionId])

  const act = useCallback(async (call: () => Promise<RoomStatus>) => {
    setBusy(true)
    setError('')
    try {
      setStatus(await call())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }, [])

  return {
    status,
    error,
    busy,
    open: (input: Omit<OpenInput, 'sessionId'>) => act(() => roomApi.open({ ...input, sessionId })),
    close: () => act(() => roomApi.close(sessionId)),
    confirm: (claimId: string, accept: boolean) => act(() => roomApi.confirm({ sessionId, claimId, accept })),
  }
}

export type Room = ReturnType<typeof useRoom>
