// What the projector shows of an activity: counts and note texts, never
// who wrote what. Pure, so its anonymity is tested without a screen.
import type { Activity } from '../../../../api/activity'
import type { LocalEntry } from '../../agenda/entries'
import { word } from '../../labels'

/** Entry kinds counted per item, and how a value reads. */
const counted: Record<string, (e: LocalEntry) => string> = {
  stance: (e) => word(e.text),
  result: (e) => word(e.text),
  rating: (e) => String(e.value),
  ease: (e) => `ease ${e.value}`,
}

export interface ItemTally {
  itemId: number
  label: string
  counts: { label: string; n: number }[]
}

export interface ShownNote {
  id: number
  column: string
  /** The note's words, only once the activity is revealed. */
  text: string | null
  dots: number
}

export interface ProjectorData {
  tallies: ItemTally[]
  notes: ShownNote[]
  /** How many notes or ideas there are, revealed or not. */
  noteCount: number
}

/** The anonymous picture of activity a from its entries; hidden entries never count. */
export function projectorData(a: Activity, entries: LocalEntry[], onlyItem = 0): ProjectorData {
  const mine = entries.filter((e) => e.activityId === a.id && !e.hidden && (!onlyItem || e.itemId === onlyItem))
  const itemText = (id: number) => a.items.find((it) => it.id === id)?.text ?? ''
  const byItem = new Map<number, Map<string, number>>()
  for (const e of mine) {
    const label = counted[e.kind]?.(e)
    if (!label || (!e.text && !e.value)) continue
    const m = byItem.get(e.itemId) ?? new Map<string, number>()
    m.set(label, (m.get(label) ?? 0) + 1)
    byItem.set(e.itemId, m)
  }
  const prefs = new Map<string, number>()
  for (const e of mine)
    if (e.kind === 'preference' && e.variantId)
      prefs.set(itemText(e.variantId), (prefs.get(itemText(e.variantId)) ?? 0) + 1)
  const order = new Map(a.items.map((it) => [it.id, it.position]))
  const tallies: ItemTally[] = [...byItem]
    .sort(([x], [y]) => (order.get(x) ?? 0) - (order.get(y) ?? 0))
    .map(([itemId, m]) => ({
      itemId,
      label: itemText(itemId),
      counts: [...m].map(([label, n]) => ({ label, n })).sort((x, y) => y.n - x.n || x.label.localeCompare(y.label)),
    }))
  if (prefs.size)
    tallies.push({ itemId: 0, label: 'Preferred', counts: [...prefs].map(([label, n]) => ({ label, n })) })

  const shown = mine.filter((e) => (e.kind === 'note' || e.kind === 'idea') && e.id && e.text.trim())
  const dots = (id: number) =>
    mine.filter((e) => e.kind === 'vote' && e.targetId === id).reduce((s, e) => s + e.value, 0)
  const notes = shown
    .map((e) => ({ id: e.id, column: itemText(e.itemId), text: a.revealed ? e.text : null, dots: dots(e.id) }))
    .sort((x, y) => y.dots - x.dots)
  return { tallies, notes: a.revealed ? notes : [], noteCount: shown.length }
}
