// The tickler's list state: one view at a time, read in pages (the later
// view can hold many thousands of reminders), counts for every view.
import type { Counts, Reminder, Tickler } from '../../api/loop'
import { views, type View } from './labels'

export const PAGE = 100

export interface TicklerState {
  view: View
  items: Reminder[]
  total: number
  counts: Counts | null
  today: string
  loading: boolean
  error: string
}

export const initialTickler = (view: View): TicklerState => ({
  view,
  items: [],
  total: 0,
  counts: null,
  today: '',
  loading: true,
  error: '',
})

export type TicklerAction =
  | { type: 'view'; view: View }
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
      return a.view === s.view ? s : { ...s, view: a.view, items: [], total: 0, loading: true, error: '' }
    case 'loading':
      return { ...s, loading: true, error: '' }
    case 'loaded': {
      if (a.page.view !== s.view) return s // an answer for a view left meanwhile
      const incoming = a.page.items ?? []
      let items = incoming
      if (a.append) {
        const seen = new Set(s.items.map(itemKey))
        items = [...s.items, ...incoming.filter((r) => !seen.has(itemKey(r)))]
      }
      return { ...s, items, total: a.page.total, counts: a.page.counts, today: a.page.today, loading: false, error: '' }
    }
    case 'failed':
      return { ...s, loading: false, error: a.error }
  }
}

/** The view a route names ("#/followups/later"); today when none or unknown. */
export function viewOf(segment: string | undefined): View {
  return (views as readonly string[]).includes(segment ?? '') ? (segment as View) : 'today'
}

/** How many of a view's items there are, from the counts. */
export function countOf(counts: Counts | null, v: View): number | null {
  return counts ? counts[v] : null
}

/** "Showing 100 of 12,000" or "" when everything is shown. */
export function shownLabel(s: Pick<TicklerState, 'items' | 'total'>): string {
  return s.items.length < s.total ? `Showing ${s.items.length.toLocaleString()} of ${s.total.toLocaleString()}` : ''
}

/** The page to ask for next: the next PAGE after what is shown. */
export function nextQuery(s: Pick<TicklerState, 'view' | 'items'>, more: boolean) {
  return { view: s.view, limit: more ? PAGE : Math.max(PAGE, s.items.length), offset: more ? s.items.length : 0 }
}
