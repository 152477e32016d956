// The line list's logic, apart from React: times as a recording shows
// them, the selection of lines a quote is made from, and what a key does.
import type { Line } from '../../../api/transcript'

/** A time in a recording, as m:ss or h:mm:ss. */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor(s / 60) % 60
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** A selection: the line the caret is on and the line it started from (inclusive range, in list order). */
export interface Selection {
  anchor: number
  active: number
}

/** Indexes of the selected lines, in order. */
export function selected(sel: Selection): number[] {
  const lo = Math.min(sel.anchor, sel.active)
  const hi = Math.max(sel.anchor, sel.active)
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)
}

/** What a key press in the line list asks for. */
export type LineAction =
  | { kind: 'move'; to: number }
  | { kind: 'extend'; to: number }
  | { kind: 'quote' }
  | { kind: 'excerpt' }
  | { kind: 'target'; index: number }
  | { kind: 'none' }

/**
 * Maps a key in the line list to an action. ↑/↓ (or k/j), Home/End move;
 * Shift+↑/↓ extend the selection over the neighbouring line only when the
 * same speaker said it (a quote is one person's words); q or Enter quotes;
 * e quotes an excerpt; a digit chooses where quotes go (0 = the session
 * as a whole, 1… the agenda's activities).
 */
export function lineKey(
  key: string,
  shift: boolean,
  sel: Selection,
  lines: Pick<Line, 'speakerId'>[],
  targets: number,
): LineAction {
  const last = lines.length - 1
  if (last < 0) return { kind: 'none' }
  const step = key === 'ArrowDown' || key === 'j' ? 1 : key === 'ArrowUp' || key === 'k' ? -1 : 0
  if (step !== 0) {
    const to = Math.min(last, Math.max(0, sel.active + step))
    if (!shift) return { kind: 'move', to }
    if (to === sel.active || lines[to].speakerId !== lines[sel.anchor].speakerId) return { kind: 'none' }
    return { kind: 'extend', to }
  }
  if (key === 'Home') return { kind: 'move', to: 0 }
  if (key === 'End') return { kind: 'move', to: last }
  if (key === 'q' || key === 'Enter') return { kind: 'quote' }
  if (key === 'e') return { kind: 'excerpt' }
  if (/^[0-9]$/.test(key) && Number(key) <= targets) return { kind: 'target', index: Number(key) }
  return { kind: 'none' }
}
