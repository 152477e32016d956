import { useBoard } from '../BoardContext'
import type { ArchivedFilter, ConsentFilter, Filters } from '../listState'
import { SegmentSelect, StatusSelect } from './BoardSelects'

/** Segment, status, tag, consent and archived filters for the member list. */
export function MemberFilters() {
  const { list, dispatch, segments, tags } = useBoard()
  const set = (patch: Partial<Filters>) => dispatch({ type: 'filter', patch })

  return (
    <div className="filters" role="group" aria-label="Filters">
      <SegmentSelect
        title="Segment"
        first="Any segment"
        segments={segments}
        value={list.segmentId}
        onChange={(segmentId) => set({ segmentId })}
      />
      <StatusSelect title="Status" first="Any status" value={list.status} onChange={(status) => set({ status })} />
      <label className="filter">
        <span>Tag</span>
        <select value={list.tag} onChange={(e) => set({ tag: e.target.value })}>
          <option value="">Any tag</option>
          {list.tag && !tags.some((t) => t.name === list.tag) && <option value={list.tag}>{list.tag}</option>}
          {tags.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name} ({t.members})
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Consent</span>
        <select value={list.consent} onChange={(e) => set({ consent: e.target.value as ConsentFilter })}>
          <option value="">Anyone</option>
          <option value="contact_ok">May be contacted</option>
          <option value="no_contact">No contact consent</option>
        </select>
      </label>
      <label className="filter">
        <span>Archived</span>
        <select value={list.archived} onChange={(e) => set({ archived: e.target.value as ArchivedFilter })}>
          <option value="">Current members</option>
          <option value="only">Archived only</option>
          <option value="all">Current and archived</option>
        </select>
      </label>
    </div>
  )
}
