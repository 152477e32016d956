import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { SnoozeInput } from '../../api/loop'
import { defaultUntil, localInput, snoozeBase, snoozeOptions } from './labels'

/**
 * Snooze: later today, tomorrow, next week, or a date and time of one's
 * choosing; every choice is after the reminder's due time.
 */
export function SnoozeMenu({
  title,
  dueAt,
  dueHour,
  onSnooze,
  disabled,
}: {
  title: string
  /** The reminder's due time (RFC 3339): no option is before it. */
  dueAt: string
  dueHour: number
  onSnooze: (s: SnoozeInput) => Promise<boolean>
  disabled?: boolean
}) {
  const [open, setOpen] = useState(false)
  const [picking, setPicking] = useState(false)
  const [until, setUntil] = useState('')
  const box = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const id = useId()

  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return
        setOpen(false)
        button.current?.focus()
      } else if (!box.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])

  // Computed at render, so a menu opened after a while counts from the time it is opened.
  const now = new Date()
  const base = snoozeBase(now, dueAt)
  const toggle = () => {
    setPicking(false)
    setUntil(defaultUntil(base, dueHour))
    setOpen((o) => !o)
  }
  const pick = async (s: SnoozeInput) => {
    if (await onSnooze(s)) setOpen(false)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void pick({ preset: 'until', until })
  }

  return (
    <div className="menu" ref={box}>
      <button
        ref={button}
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={toggle}
        disabled={disabled}
      >
        Snooze<span className="sr-only"> {title}</span>
      </button>
      {open && (
        <div className="menu-list snooze-list" id={id} role="group" aria-label={`Snooze ${title}`}>
          {snoozeOptions(now, dueHour, dueAt).map((o) => (
            <button
              key={o.preset}
              type="button"
              className="menu-item"
              onClick={() => pick({ preset: o.preset, until: '' })}
            >
              {o.label} <span className="muted small">· {o.when}</span>
            </button>
          ))}
          {!picking ? (
            <button type="button" className="menu-item" onClick={() => setPicking(true)}>
              Pick a date and time…
            </button>
          ) : (
            <form className="snooze-until" onSubmit={submit}>
              <label className="small" htmlFor={`${id}-until`}>
                Snooze until
              </label>
              <input
                id={`${id}-until`}
                type="datetime-local"
                value={until}
                min={localInput(base)}
                onChange={(e) => setUntil(e.target.value)}
                required
                autoFocus
              />
              <button type="submit" className="btn btn-small btn-primary">
                Snooze until then
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  )
}
