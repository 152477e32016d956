import { h } from '../dom'
import { choices, field, range, section, type View } from './widgets'

/** Open question: a written answer per question. */
export function openQuestion(v: View): HTMLElement[] {
  return v.a.items.map((q) =>
    section(
      `q-${q.id}`,
      q.text,
      field(
        `answer-${q.id}`,
        'Your answer',
        v.mine.get(`answer:${q.id}:0:0`)?.text ?? '',
        (t) => v.act.set({ kind: 'answer', itemId: q.id, text: t }, true),
        v.off,
      ),
    ),
  )
}

/** Rating: 1..scale per question; tapping the chosen number again takes it back. */
export function rating(v: View): HTMLElement[] {
  const scale = v.a.scale || 5
  return v.a.items.map((q) => {
    const now = v.mine.get(`rating:${q.id}:0:0`)?.value ?? 0
    return section(
      `r-${q.id}`,
      q.text,
      choices(
        `Your rating, from 1 (lowest) to ${scale} (highest)`,
        range(1, scale),
        (n) => n === now,
        (n) => v.act.set({ kind: 'rating', itemId: q.id, value: n === now ? 0 : Number(n) }),
        v.off,
      ),
      h('p', { class: 'muted scale' }, `1 = lowest · ${scale} = highest`),
    )
  })
}
