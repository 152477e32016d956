// The member list's filter and sort state, kept by the board feature so it
// survives opening a member and coming back.
import type { MemberQuery } from '../../api'

export type SortKey = 'name' | 'company' | 'segment' | 'status' | 'joined' | 'last_contacted' | 'updated'
export type ConsentFilter = '' | 'contact_ok' | 'no_contact'
export type ArchivedFilter = '' | 'only' | 'all'

export interface ListState {
  search: string
  segmentId: number // 0 any, -1 none
  status: string
  tag: string
  consent: ConsentFilter
  archived: ArchivedFilter
  sort: SortKey
  desc: boolean
}

export const initialList: ListState = {
  search: '',
  segmentId: 0,
  status: '',
  tag: '',
  consent: '',
  archived: '',
  sort: 'name',
  desc: false,
}

export type Filters = Pick<ListState, 'segmentId' | 'status' | 'tag' | 'consent' | 'archived'>

export type ListAction =
  | { type: 'search'; value: string }
  | { type: 'filter'; patch: Partial<Filters> }
  | { type: 'sort'; key: SortKey }
  | { type: 'clear' }

export function listReducer(s: ListState, a: ListAction): ListState {
  switch (a.type) {
    case 'search':
      return s.search === a.value ? s : { ...s, search: a.value }
    case 'filter':
      return { ...s, ...a.patch }
    case 'sort':
      // Same column: flip direction. New column: ascending, except dates,
      // where the most recent first is what people want.
      if (s.sort === a.key) return { ...s, desc: !s.desc }
      return { ...s, sort: a.key, desc: a.key === 'last_contacted' || a.key === 'joined' || a.key === 'updated' }
    case 'clear':
      return { ...initialList, sort: s.sort, desc: s.desc }
  }
}

/** True when any filter or search narrows the list. */
export function hasFilters(s: ListState): boolean {
  return (
    s.search.trim() !== '' ||
    s.segmentId !== 0 ||
    s.status !== '' ||
    s.tag !== '' ||
    s.consent !== '' ||
    s.archived !== ''
  )
}

/** The backend query for a state (without paging). */
export function toQuery(s: ListState, search = s.search): MemberQuery {
  return {
    search: search.trim(),
    segmentId: s.segmentId,
    status: s.status,
    tag: s.tag,
    consent: s.consent,
    archived: s.archived,
    sort: s.sort,
    desc: s.desc,
    limit: 0,
    offset: 0,
  }
}
