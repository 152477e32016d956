// How the run view keys the entries it holds, so that what is typed finds
// its place again after a reload. Pure; useEntries keeps them.
import type { Entry } from '../../../api/activity'

/** An entry as the run view holds it: key is stable on screen, id 0 until saved. */
export interface LocalEntry {
  key: string
  id: number
  activityId: number
  itemId: number
  variantId: number
  targetId: number
  memberId: number
  kind: string
  text: string
  value: number
}

/** Where a one-per-place entry (a result, a rating, a vote …) lives. */
export interface Slot {
  activityId: number
  kind: string
  itemId?: number
  variantId?: number
  targetId?: number
  memberId?: number
}

/** Kinds of which there may be many per place: each has its own id. */
export const manyKinds = new Set(['note', 'idea', 'quote'])

export const slotKey = (s: Slot) =>
  `s:${s.activityId}:${s.kind}:${s.itemId ?? 0}:${s.variantId ?? 0}:${s.targetId ?? 0}:${s.memberId ?? 0}`
export const reactionKey = (activityId: number, memberId: number, text: string) => `r:${activityId}:${memberId}:${text}`
export const preferenceKey = (activityId: number, memberId: number) => `p:${activityId}:${memberId}`

/** The key an entry loaded from the server goes by. */
export function keyOf(e: Pick<Entry, 'id' | 'activityId' | 'memberId' | 'kind' | 'text'> & Slot): string {
  if (manyKinds.has(e.kind)) return `e${e.id}`
  if (e.kind === 'reaction') return reactionKey(e.activityId, e.memberId, e.text)
  if (e.kind === 'preference') return preferenceKey(e.activityId, e.memberId)
  return slotKey(e)
}

/** Entries from the server as the run view holds them; the newest wins a key. */
export function fromEntries(entries: Entry[]): LocalEntry[] {
  const byKey = new Map<string, LocalEntry>()
  for (const e of entries) {
    const key = keyOf(e)
    byKey.set(key, {
      key,
      id: e.id,
      activityId: e.activityId,
      itemId: e.itemId,
      variantId: e.variantId,
      targetId: e.targetId,
      memberId: e.memberId,
      kind: e.kind,
      text: e.text,
      value: e.value,
    })
  }
  return [...byKey.values()]
}

/** Reactions counted over an activity, by text. */
export function reactionCounts(entries: LocalEntry[], activityId: number): Record<string, number> {
  const out: Record<string, number> = {}
  for (const e of entries)
    if (e.activityId === activityId && e.kind === 'reaction') out[e.text] = (out[e.text] ?? 0) + 1
  return out
}
