import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { errorMessage } from '../../../api'
import { activityApi, type EntryInput } from '../../../api/activity'
import type { AutosaveQueue } from '../autosave'
import { mergeEntries, preferenceKey, reactionKey, slotKey, type LocalEntry, type Slot } from './entries'

const blank = { id: 0, itemId: 0, variantId: 0, targetId: 0, memberId: 0, text: '', value: 0 }

/** What SaveEntry takes for an entry in slot (ids 0 = none). */
function input(sessionId: number, s: Slot, text: string, value: number, id = 0): EntryInput {
  return {
    id,
    sessionId,
    activityId: s.activityId,
    kind: s.kind,
    itemId: s.itemId ?? 0,
    variantId: s.variantId ?? 0,
    targetId: s.targetId ?? 0,
    memberId: s.memberId ?? 0,
    text,
    value,
  }
}

/**
 * The entries of a run as typed: each change shows at once and is saved
 * through queue, one key per field, so nothing typed waits long or is lost.
 */
export function useEntries(
  sessionId: number,
  queue: AutosaveQueue,
  onError: (msg: string) => void,
  /** Something of memberId's was saved: the backend now counts them attended. */
  onSaved: (memberId: number) => void = () => {},
) {
  const [entries, setEntries] = useState<LocalEntry[]>([])
  // Server ids by key, read by the sends (which run after each other per key).
  const ids = useRef(new Map<string, number>())
  const added = useRef(0)
  // Ids deleted here: a refresh before the delete is in must not bring them back.
  const gone = useRef(new Set<number>())
  // The entries as last drawn, for what a removal takes with it.
  const current = useRef<LocalEntry[]>([])
  useLayoutEffect(() => {
    current.current = entries
  })

  const load = useCallback((list: LocalEntry[]) => {
    ids.current = new Map(list.map((e) => [e.key, e.id]))
    setEntries(list)
  }, [])

  /** Takes in the server's entries without losing anything typed here and not saved yet. */
  const merge = useCallback(
    (remote: LocalEntry[]) => {
      const pending = (key: string) => queue.pending(key) !== undefined || queue.pending(`k:${key}`) !== undefined
      setEntries((es) => {
        const next = mergeEntries(es, remote, pending, gone.current)
        for (const e of next) if (e.id) ids.current.set(e.key, e.id)
        return next
      })
    },
    [queue],
  )

  const upsert = (key: string, fill: () => LocalEntry, patch: Partial<LocalEntry>) =>
    setEntries((es) =>
      es.some((e) => e.key === key)
        ? es.map((e) => (e.key === key ? { ...e, ...patch } : e))
        : [...es, { ...fill(), ...patch }],
    )
  const learnId = (key: string, id: number) => {
    ids.current.set(key, id)
    // A refresh may have brought the same entry in under its server key already.
    setEntries((es) => es.filter((e) => e.key === key || e.id !== id).map((e) => (e.key === key ? { ...e, id } : e)))
  }

  /** Sets a one-per-place entry; empty text and 0 clear it. */
  const setSlot = useCallback(
    (slot: Slot, text: string, value: number) => {
      const key = slotKey(slot)
      upsert(key, () => ({ ...blank, ...slot, key }) as LocalEntry, { text, value })
      queue.set(key, { text, value }, async (v) => {
        const { text, value } = v as { text: string; value: number }
        const e = await activityApi.saveEntry(input(sessionId, slot, text, value))
        if (e && e.id) learnId(key, e.id)
        if (slot.memberId) onSaved(slot.memberId)
      })
    },
    [queue, sessionId, onSaved],
  )

  /** A participant's preferred variant (0 = none) and why. */
  const setPreference = useCallback(
    (activityId: number, memberId: number, variantId: number, text: string) => {
      const key = preferenceKey(activityId, memberId)
      upsert(key, () => ({ ...blank, activityId, memberId, kind: 'preference', key }), { variantId, text })
      queue.set(key, { variantId, text }, async (v) => {
        const { variantId, text } = v as { variantId: number; text: string }
        const prev = ids.current.get(key) ?? 0
        let id = 0
        if (variantId) {
          const e = await activityApi.saveEntry(
            input(sessionId, { activityId, memberId, kind: 'preference', variantId }, text, 0),
          )
          id = e.id
        }
        // A preference per variant would be two: the one it replaces goes.
        if (prev && prev !== id) await activityApi.deleteEntry(prev)
        if (id) {
          learnId(key, id)
          onSaved(memberId)
        } else ids.current.delete(key)
      })
    },
    [queue, sessionId, onSaved],
  )

  /** Adds a note, idea or quote (saved once it has words); returns its key. */
  const add = useCallback((e: Omit<LocalEntry, 'key' | 'id'>) => {
    const key = `new${++added.current}`
    setEntries((es) => [...es, { ...e, key, id: 0 }])
    return key
  }, [])

  /** Edits a note, idea or quote. */
  const edit = useCallback(
    (key: string, patch: Partial<Pick<LocalEntry, 'text' | 'value'>>) => {
      const base = current.current.find((e) => e.key === key)
      if (!base) return
      const next = { ...base, ...patch }
      // Ahead of the next drawing, so a second edit before it builds on this one.
      current.current = current.current.map((e) => (e.key === key ? next : e))
      setEntries((es) => es.map((e) => (e.key === key ? { ...e, ...patch } : e)))
      queue.set(`k:${key}`, next, async (v) => {
        const cur = v as LocalEntry
        if (!cur.text.trim()) return // a note needs words; an emptied one stays until removed
        const e = await activityApi.saveEntry(input(sessionId, cur, cur.text, cur.value, ids.current.get(key) ?? 0))
        learnId(key, e.id)
        if (cur.memberId) onSaved(cur.memberId)
      })
    },
    [queue, sessionId, onSaved],
  )

  /** Removes a note, idea or quote (and the votes on it). */
  const remove = useCallback(
    async (key: string) => {
      const id0 = ids.current.get(key) ?? 0
      if (id0) gone.current.add(id0)
      setEntries((es) => es.filter((e) => e.key !== key && !(id0 && e.targetId === id0)))
      queue.cancel(`k:${key}`)
      // Votes and pitch scores on it go with it: none of theirs may still be sent.
      if (id0) for (const e of current.current) if (e.targetId === id0) queue.cancel(e.key)
      await queue.flush()
      const id = ids.current.get(key)
      if (!id) return
      gone.current.add(id)
      ids.current.delete(key)
      setEntries((es) => es.filter((e) => e.targetId !== id))
      activityApi.deleteEntry(id).catch((e) => onError(errorMessage(e)))
    },
    [queue, onError],
  )

  /** Notes or takes back a participant's reaction during an activity. */
  const setReaction = useCallback(
    (activityId: number, memberId: number, text: string, on: boolean) => {
      const key = reactionKey(activityId, memberId, text)
      if (on) upsert(key, () => ({ ...blank, activityId, memberId, kind: 'reaction', text, key }), {})
      else setEntries((es) => es.filter((e) => e.key !== key))
      queue.set(key, on, async (v) => {
        const id = ids.current.get(key)
        if (v && !id) {
          const e = await activityApi.saveEntry(input(sessionId, { activityId, memberId, kind: 'reaction' }, text, 0))
          learnId(key, e.id)
          onSaved(memberId)
        } else if (!v && id) {
          await activityApi.deleteEntry(id)
          ids.current.delete(key)
        }
      })
    },
    [queue, sessionId, onSaved],
  )

  /** Hides an entry from the room and the projector, or shows it again. */
  const hide = useCallback(
    async (key: string, hidden: boolean) => {
      const id = ids.current.get(key)
      if (!id) return
      const flip = (h: boolean) => setEntries((es) => es.map((e) => (e.key === key ? { ...e, hidden: h } : e)))
      flip(hidden)
      try {
        await activityApi.hideEntry(id, hidden)
      } catch (e) {
        flip(!hidden)
        onError(errorMessage(e))
      }
    },
    [onError],
  )

  const bySlot = useMemo(() => new Map(entries.map((e) => [e.key, e])), [entries])
  return {
    entries,
    load,
    merge,
    hide,
    setSlot,
    setPreference,
    add,
    edit,
    remove,
    setReaction,
    /** The entry in slot, if any. */
    slot: (s: Slot) => bySlot.get(slotKey(s)),
    /** Any entry by its key. */
    get: (key: string) => bySlot.get(key),
  }
}

export type Entries = ReturnType<typeof useEntries>
