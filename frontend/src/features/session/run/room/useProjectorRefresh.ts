import { useEffect, useRef } from 'react'

/**
 * Keeps the projector current without a room: the Wait loop re-reads the
 * run only while a room is open, so with none the projector reads it when
 * it opens and every few seconds after (answers typed into the assumption
 * check are held by another hook until read again).
 */
export function useProjectorRefresh(showing: boolean, roomOpen: boolean, refresh: () => Promise<unknown>, ms = 3000) {
  const read = useRef(refresh)
  useEffect(() => {
    read.current = refresh
  })
  useEffect(() => {
    if (!showing) return
    void read.current().catch(() => {})
    if (roomOpen) return
    const t = setInterval(() => void read.current().catch(() => {}), ms)
    return () => clearInterval(t)
  }, [showing, roomOpen, ms])
}
