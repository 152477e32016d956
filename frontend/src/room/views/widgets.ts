import { h, type Child } from '../dom'
import type { Mine } from '../entries'
import type { Activity, EntryPost } from '../types'

/** A change from a control: the entry's fields; key when it is a known note or idea. */
export type Change = Omit<EntryPost, 'activityId' | 'key'> & { key?: string }

/** What the activity views may do; the app queues and sends. */
export interface Actions {
  /** Saves one entry; typing = a keystroke (sent a moment later, together with the next ones). */
  set(change: Change, typing?: boolean): void
  /** Removes one of my entries by its key. */
  remove(key: string): void
  /** A note or idea being written, kept on the phone until it is added. */
  draft(id: string): { text: string; value: number }
  setDraft(id: string, text: string, value: number): void
}

/** Everything an activity view needs. */
export interface View {
  a: Activity
  mine: Mine
  act: Actions
  /** Controls are disabled (locked activity). */
  off: boolean
}

/** Plain words for the values the room uses. */
export const words: Record<string, string> = {
  matches: 'Matches',
  partly: 'Partly',
  does_not_match: 'Doesn’t match',
  unsure: 'Unsure',
  success: 'Success',
  partial: 'Partial',
  fail: 'Fail',
  confusion: 'Confused',
  excitement: 'Excited',
  frustration: 'Frustrated',
  other: 'Something else',
}

export interface Option {
  value: string | number
  label: string
}

/** A row of large toggle buttons; the pressed one is the current choice. */
export function choices(
  label: string,
  options: Option[],
  isOn: (v: string | number) => boolean,
  pick: (v: string | number) => void,
  off: boolean,
): HTMLElement {
  return h(
    'div',
    { role: 'group', 'aria-label': label, class: 'choices' },
    options.map((o) =>
      h(
        'button',
        { type: 'button', 'aria-pressed': String(isOn(o.value)), disabled: off, onclick: () => pick(o.value) },
        o.label,
      ),
    ),
  )
}

/** A labelled text area (or a one-line input) whose every change is handed on. */
export function field(
  id: string,
  label: Child,
  value: string,
  onText: (v: string) => void,
  off: boolean,
  opts: { rows?: number; type?: string; hint?: string } = {},
): HTMLElement {
  const attrs = {
    id,
    'data-k': id,
    value,
    disabled: off,
    oninput: (e: Event) => onText((e.target as HTMLInputElement).value),
  }
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    opts.type
      ? h('input', { ...attrs, type: opts.type, inputmode: 'numeric', min: 0 })
      : h('textarea', { ...attrs, rows: opts.rows ?? 3, maxlength: 20000 }),
  )
}

/** The numbers lo..hi as options. */
export const range = (lo: number, hi: number): Option[] =>
  Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => ({ value: lo + i, label: String(lo + i) }))

/** Reaction toggles for an item (0 = the activity as a whole). */
export function reactions(v: View, itemId: number): HTMLElement {
  const kinds = ['confusion', 'excitement', 'frustration', 'other']
  const on = (r: string | number) => {
    const e = v.mine.get(`reaction:${itemId}:${r}`)
    return !!e && e.text !== ''
  }
  return choices(
    'Your reaction',
    kinds.map((k) => ({ value: k, label: words[k] })),
    on,
    (r) => {
      const e = v.mine.get(`reaction:${itemId}:${r}`)
      if (e) v.act.remove(e.key)
      else v.act.set({ kind: 'reaction', itemId, text: String(r) })
    },
    v.off,
  )
}

/** A section per item, named by its heading (a region for screen readers and tests). */
export function section(id: string, heading: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'item', 'aria-labelledby': id, 'data-k': id }, h('h3', { id }, heading), ...children)
}
