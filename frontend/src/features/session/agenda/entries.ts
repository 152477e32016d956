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
  /** Hidden from the room and the projector (it stays in the session). */
  hidden?: boolean
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
      hidden: !!e.hidden,
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

/**
 * The entries on screen merged with the server's newer copy (what the room
 * wrote while the view was open). What the facilitator typed and is not
 * saved yet (pending) wins over the server's copy; entries saved and no
 * longer on the server were deleted elsewhere; unsaved new ones stay; ids
 * deleted here (gone) do not come back while their delete is on its way.
 */
export function mergeEntries(
  local: LocalEntry[],
  remote: LocalEntry[],
  pending: (key: string) => boolean,
  gone: ReadonlySet<number> = new Set(),
): LocalEntry[] {
  const byId = new Map(remote.map((r) => [r.id, r]))
  const byKey = new Map(remote.map((r) => [r.key, r]))
  const used = new Set<LocalEntry>()
  const out: LocalEntry[] = []
  for (const e of local) {
    const r = (e.id && byId.get(e.id)) || (manyKinds.has(e.kind) ? undefined : byKey.get(e.key))
    if (r) used.add(r)
    if (pending(e.key)) out.push(r ? { ...e, id: e.id || r.id, hidden: r.hidden } : e)
    else if (r) out.push({ ...r, key: e.key })
    else if (!e.id) out.push(e) // new here, not saved yet
  }
  for (const r of remote) {
    // Not here: new from elsewhere, unless removed here and not yet saved.
    if (!used.has(r) && !gone.has(r.id) && !pending(r.key)) out.push(r)
  }
  return out
}
