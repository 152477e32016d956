// The tickler's list state: one view at a time, read in pages (the later
// view can hold many thousands of reminders), counts for every view. With
// no view in the route the backend opens on what needs action now
// (overdue, else today), and that view then stays while the page is open.
import type { ChainCount, Counts, Reminder, Tickler } from '../../api/loop'
import { views, type View } from './labels'

export const PAGE = 100

export interface TicklerState {
  /** null until the first answer when the route names no view. */
  view: View | null
  /** Counts route changes: each loads the list afresh. */
  epoch: number
  items: Reminder[]
  /** How far each session's chain among the items has got. */
  chains: ChainCount[]
  total: number
  counts: Counts | null
  today: string
  loading: boolean
  error: string
}

export const initialTickler = (view: View | null): TicklerState => ({
  view,
  epoch: 0,
  items: [],
  chains: [],
  total: 0,
  counts: null,
  today: '',
  loading: true,
  error: '',
})

export type TicklerAction =
  | { type: 'view'; view: View | null }
  | { type: 'loading' }
  | { type: 'loaded'; page: Tickler; append: boolean }
  | { type: 'failed'; error: string }

/** A reminder's key: virtual stay-in-touch items have id 0, so their member names them. */
export function itemKey(r: Pick<Reminder, 'id' | 'virtual' | 'memberId'>): string {
  return r.virtual ? `m${r.memberId}` : `r${r.id}`
}

export function ticklerReducer(s: TicklerState, a: TicklerAction): TicklerState {
  switch (a.type) {
    case 'view':
      return a.view === s.view
        ? s
        : { ...s, view: a.view, epoch: s.epoch + 1, items: [], chains: [], total: 0, loading: true, error: '' }
    case 'loading':
      return { ...s, loading: true, error: '' }
    case 'loaded': {
      if (s.view !== null && a.page.view !== s.view) return s // an answer for a view left meanwhile
      const incoming = a.page.items ?? []
      const fresh = a.page.chains ?? []
      let items = incoming
      let chains = fresh
      if (a.append) {
        const seen = new Set(s.items.map(itemKey))
        items = [...s.items, ...incoming.filter((r) => !seen.has(itemKey(r)))]
        chains = [...s.chains.filter((c) => !fresh.some((f) => f.sessionId === c.sessionId)), ...fresh]
      }
      return {
        ...s,
        view: a.page.view,
        items,
        chains,
        total: a.page.total,
        counts: a.page.counts,
        today: a.page.today,
        loading: false,
        error: '',
      }
    }
    case 'failed':
      return { ...s, loading: false, error: a.error }
  }
}

/** The view a route names ("#/followups/later"); null (the backend picks) when none or unknown. */
export function viewOf(segment: string | undefined): View | null {
  return (views as readonly string[]).includes(segment ?? '') ? (segment as View) : null
}

/** How many of a view's items there are, from the counts. */
export function countOf(counts: Counts | null, v: View): number | null {
  return counts ? counts[v] : null
}

/** "Showing 100 of 12,000" or "" when everything is shown. */
export function shownLabel(s: Pick<TicklerState, 'items' | 'total'>): string {
  return s.items.length < s.total ? `Showing ${s.items.length.toLocaleString()} of ${s.total.toLocaleString()}` : ''
}

/** The page to ask for next: the next PAGE after what is shown ("" view: the backend picks). */
export function nextQuery(s: Pick<TicklerState, 'view' | 'items'>, more: boolean) {
  return { view: s.view ?? '', limit: more ? PAGE : Math.max(PAGE, s.items.length), offset: more ? s.items.length : 0 }
}

/** An entry of the list: a single reminder, or a session's follow-up chain as one group. */
export type Entry =
  | { type: 'one'; key: string; r: Reminder }
  | { type: 'chain'; key: string; sessionId: number; session: string; items: Reminder[] }

const chainOf = (r: Reminder) => (r.origin === 'chain' && r.sessionId > 0 ? r.sessionId : 0)

/**
 * The items as the list shows them, in their order: two or more reminders
 * of one session's chain become one group where the first of them stands;
 * a chain's lone reminder and every other one stay single cards.
 */
export function entries(items: Reminder[]): Entry[] {
  const chains = new Map<number, Reminder[]>()
  for (const r of items) {
    const id = chainOf(r)
    if (id) chains.set(id, [...(chains.get(id) ?? []), r])
  }
  const out: Entry[] = []
  for (const r of items) {
    const group = chains.get(chainOf(r))
    if (!group || group.length < 2) out.push({ type: 'one', key: itemKey(r), r })
    else if (group[0] === r)
      out.push({ type: 'chain', key: `s${r.sessionId}`, sessionId: r.sessionId, session: r.session, items: group })
  }
  return out
}

/** A chain's reminders by step (kind), in the order the steps first fall due (items come soonest first). */
export function chainSteps(items: Reminder[]): { kind: string; items: Reminder[] }[] {
  const byKind = new Map<string, Reminder[]>()
  for (const r of items) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r])
  return [...byKind].map(([kind, items]) => ({ kind, items }))
}
