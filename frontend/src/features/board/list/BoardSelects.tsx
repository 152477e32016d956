import type { Segment } from '../../../api'
import { label, statuses } from '../labels'

/**
 * A segment choice as the member list means it: 0 = the first option
 * ("Any segment", "Unchanged"), -1 = members with no segment.
 */
export function SegmentSelect({
  title,
  first,
  segments,
  value,
  onChange,
}: {
  title: string
  first: string
  segments: Segment[]
  value: number
  onChange: (segmentId: number) => void
}) {
  return (
    <label className="filter">
      <span>{title}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        <option value={0}>{first}</option>
        {segments.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        <option value={-1}>No segment</option>
      </select>
    </label>
  )
}

/** A member status choice; "" = the first option ("Any status", "Unchanged"). */
export function StatusSelect({
  title,
  first,
  value,
  onChange,
}: {
  title: string
  first: string
  value: string
  onChange: (status: string) => void
}) {
  return (
    <label className="filter">
      <span>{title}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{first}</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {label(s)}
          </option>
        ))}
      </select>
    </label>
  )
}
