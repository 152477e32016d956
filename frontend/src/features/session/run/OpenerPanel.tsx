import { useState } from 'react'
import type { OpenerItem } from '../../../api/session'

interface Props {
  opener: OpenerItem[]
  prompts: string[]
  /** Whether the first assumption is on screen. */
  first: boolean
  onCheck: (index: number, done: boolean) => void
}

/** The opener checklist and the "How might we" prompts, folded away once said. */
export function OpenerPanel({ opener, prompts, first, onCheck }: Props) {
  // Open on the first assumption while items remain unsaid, until the
  // facilitator opens or closes it themselves.
  const [open, setOpen] = useState<boolean | null>(null)
  if (opener.length === 0 && prompts.length === 0) return null
  return (
    <details
      className="run-opener"
      open={open ?? (first && opener.some((o) => !o.done))}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        Opener{opener.length > 0 && ` (${opener.filter((o) => o.done).length} of ${opener.length} said)`}
        {prompts.length > 0 && ' and “How might we” prompts'}
      </summary>
      <div className="run-opener-body">
        {opener.length > 0 && (
          <ul aria-label="Opener checklist">
            {opener.map((o, i) => (
              <li key={i}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={o.done}
                    onChange={(e) => {
                      setOpen(true) // ticking the last item must not fold the panel away
                      onCheck(i, e.target.checked)
                    }}
                  />
                  {o.text}
                </label>
              </li>
            ))}
          </ul>
        )}
        {prompts.length > 0 && (
          <ul aria-label="How might we prompts" className="hmw-list">
            {prompts.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    </details>
  )
}
