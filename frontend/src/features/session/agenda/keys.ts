// The run view's keys between activities, apart from run/keys.ts's keys
// within the assumption check (Alt + arrows), so they never clash.
import type { KeyLike } from '../run/keys'

/** The listed shortcuts between activities, for the run view's "Keyboard" help. */
export const activityShortcuts: { keys: string; what: string }[] = [
  { keys: 'Alt + Page Down', what: 'Next activity on the agenda' },
  { keys: 'Alt + Page Up', what: 'Previous activity on the agenda' },
]

/** +1 for the next activity, -1 for the previous one, 0 to let the key through. */
export function activityKey(e: Pick<KeyLike, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): number {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return 0
  if (e.key === 'PageDown') return 1
  if (e.key === 'PageUp') return -1
  return 0
}
