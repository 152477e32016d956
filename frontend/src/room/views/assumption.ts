import { h } from '../dom'
import { choices, field, reactions, section, words, type View } from './widgets'

const stances = ['matches', 'partly', 'does_not_match', 'unsure']

/** Assumption check: per assumption a stance, what would need to be true, notes and reactions. */
export function assumptionCheck(v: View): HTMLElement[] {
  return v.a.items.map((it, i) => {
    const slot = (kind: string) => v.mine.get(`${kind}:${it.id}:0:0`)
    const text = (kind: string) => slot(kind)?.text ?? ''
    const save = (kind: string) => (t: string) => v.act.set({ kind, itemId: it.id, text: t }, true)
    return section(
      `a-${it.id}`,
      it.text,
      h('p', { class: 'muted' }, `Assumption ${i + 1} of ${v.a.items.length}`),
      choices(
        'Does this match your reality?',
        stances.map((s) => ({ value: s, label: words[s] })),
        (s) => text('stance') === s,
        // Tapping the chosen stance again takes it back.
        (s) => v.act.set({ kind: 'stance', itemId: it.id, text: text('stance') === s ? '' : String(s) }),
        v.off,
      ),
      field(`needs-${it.id}`, 'What would need to be true?', text('needs'), save('needs'), v.off),
      field(`note-${it.id}`, 'Your notes', text('note'), save('note'), v.off, { rows: 2 }),
      reactions(v, it.id),
    )
  })
}
