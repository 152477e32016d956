import type { Roster } from '../../api/team'
import type { ControlProps } from '../../components/Field'
import { ownerChoices } from './owners'

/** A select of who owns a reminder or an action on a shared board (see ownerChoices). */
export function OwnerSelect({
  roster,
  value,
  onChange,
  ...p
}: ControlProps & { roster: Roster; value: string; onChange: (owner: string) => void }) {
  return (
    <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
      {ownerChoices(roster, value).map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  )
}
