// Which rows of the member list are selected for a bulk edit. The list is
// virtualised and may hold 10,000 rows, so "all that match" is a mode, not a
// set of ids: the backend resolves it from the filter (less the rows
// unticked since), and the frontend never loads every row to select it.
import { useCallback, useState } from 'react'
import type { Member } from '../../../api'

export type Selection = { all: false; ids: ReadonlySet<number> } | { all: true; except: ReadonlySet<number> }

export const noSelection: Selection = { all: false, ids: new Set() }

export function isSelected(s: Selection, id: number): boolean {
  return s.all ? !s.except.has(id) : s.ids.has(id)
}

/** How many members are selected, of total matching the filter. */
export function selectedCount(s: Selection, total: number): number {
  return s.all ? total - s.except.size : s.ids.size
}

/** Sets the rows first..last (those loaded) to on. */
export function setRange(
  s: Selection,
  first: number,
  last: number,
  row: (i: number) => Member | undefined,
  on: boolean,
): Selection {
  const ids = new Set(s.all ? s.except : s.ids)
  for (let i = Math.min(first, last); i <= Math.max(first, last); i++) {
    const m = row(i)
    if (!m) continue
    // In "all" mode the set holds the rows left out.
    if (on !== s.all) ids.add(m.id)
    else ids.delete(m.id)
  }
  return s.all ? { all: true, except: ids } : { all: false, ids }
}

export interface SelectionState {
  selection: Selection
  /** A click on row index's checkbox; with shift, the range from the last click. */
  click: (index: number, shift: boolean) => void
  selectAll: () => void
  clear: () => void
}

/** The selection of a list whose rows are row(i); it empties when key (the query) changes. */
export function useSelection(key: string, row: (i: number) => Member | undefined): SelectionState {
  const [state, setState] = useState<{ key: string; selection: Selection; anchor: number | null }>({
    key,
    selection: noSelection,
    anchor: null,
  })
  const { selection, anchor } = state.key === key ? state : { selection: noSelection, anchor: null }

  const click = useCallback(
    (index: number, shift: boolean) => {
      const m = row(index)
      if (!m) return
      const on = !isSelected(selection, m.id)
      const from = shift && anchor !== null ? anchor : index
      setState({ key, selection: setRange(selection, from, index, row, on), anchor: index })
    },
    [key, row, selection, anchor],
  )
  const selectAll = useCallback(
    () => setState({ key, selection: { all: true, except: new Set() }, anchor: null }),
    [key],
  )
  const clear = useCallback(() => setState({ key, selection: noSelection, anchor: null }), [key])
  return { selection, click, selectAll, clear }
}
