// Keyboard shortcuts of the run view, as a pure function of the key event
// so they can be tested without a browser.
import { stances } from '../labels'

export type RunAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'stance'; stance: (typeof stances)[number] }
  | { type: 'help' }
  | { type: 'focus' }
  | { type: 'verdict' }

export interface KeyLike {
  key: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  /** The element the event came from. */
  target: EventTarget | null
}

/** True when keys typed there are text (inputs, textareas, selects, editable content). */
export function isTextTarget(t: EventTarget | null): boolean {
  if (!t || typeof (t as Element).tagName !== 'string') return false
  const el = t as HTMLElement
  const tag = el.tagName.toLowerCase()
  if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true
  if (tag !== 'input') return false
  const type = ((el as HTMLInputElement).type || 'text').toLowerCase()
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type)
}

/** The listed shortcuts, for the visible "Keyboard" help. */
export const shortcuts: { keys: string; what: string }[] = [
  { keys: 'Alt + →', what: 'Next assumption' },
  { keys: 'Alt + ←', what: 'Previous assumption' },
  { keys: 'Alt + Home / Alt + End', what: 'First / last assumption' },
  { keys: 'Alt + V', what: 'Go to the verdict' },
  { keys: '1 2 3 4', what: 'Stance in the participant card that has focus: matches, partly, does not match, unsure' },
  { keys: 'Tab / Shift + Tab', what: 'Move between fields; arrow keys choose within a group' },
  { keys: 'Alt + F', what: 'Focus mode on or off (hides the navigation)' },
  { keys: '?', what: 'Show or hide this help' },
]

/**
 * The action for a key press in the run view, or null to let it through.
 * inCard tells whether focus is inside a participant card.
 */
export function runKey(e: KeyLike, inCard: boolean): RunAction | null {
  if (e.ctrlKey || e.metaKey) return null
  if (e.altKey && !e.shiftKey) {
    switch (e.key) {
      case 'ArrowRight':
        return { type: 'next' }
      case 'ArrowLeft':
        return { type: 'previous' }
      case 'Home':
        return { type: 'first' }
      case 'End':
        return { type: 'last' }
      case 'f':
      case 'F':
        return { type: 'focus' }
      case 'v':
      case 'V':
        return { type: 'verdict' }
    }
    return null
  }
  if (e.altKey || isTextTarget(e.target)) return null
  if (inCard && /^[1-4]$/.test(e.key)) return { type: 'stance', stance: stances[Number(e.key) - 1] }
  if (e.key === '?') return { type: 'help' }
  return null
}
