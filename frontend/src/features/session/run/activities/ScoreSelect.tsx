import type { SelectHTMLAttributes } from 'react'

interface Props extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  /** The highest score; the choices are — (none, 0) and 1 to max. */
  max: number
  value: number
  onScore: (v: number) => void
}

/** A score from 1 to max, or none: ease, pitch, rating. */
export function ScoreSelect({ max, value, onScore, ...rest }: Props) {
  return (
    <select {...rest} value={value} onChange={(e) => onScore(Number(e.target.value))}>
      <option value={0}>—</option>
      {Array.from({ length: max }, (_, i) => i + 1).map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </select>
  )
}
