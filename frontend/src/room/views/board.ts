import { h } from '../dom'
import type { Revealed } from '../types'
import { choices, field, range, section, type View } from './widgets'

const severities = [
  { value: 1, label: '1 · minor' },
  { value: 2, label: '2 · serious' },
  { value: 3, label: '3 · critical' },
]

const dotWord = (n: number) => (n === 1 ? '1 dot' : `${n} dots`)

/**
 * Journey board (kind note: pain points per stage, with a severity) or idea
 * round (kind idea: ideas per prompt). Once revealed, everyone's notes can
 * be dot-voted (and ideas given a pitch score).
 */
export function noteBoard(v: View, kind: 'note' | 'idea', revealed: Revealed | null): HTMLElement[] {
  const noun = kind === 'note' ? 'note' : 'idea'
  const dotsLeft = v.a.dots - v.mine.dotsUsed()
  const voting = v.a.revealed && v.a.dots > 0
  const out: HTMLElement[] = []
  if (voting)
    out.push(h('p', { class: 'dots', role: 'status' }, `You have ${dotsLeft} of ${dotWord(v.a.dots)} left to give.`))
  for (const it of v.a.items) {
    const draftId = `${kind}-${it.id}`
    const d = v.act.draft(draftId)
    const value = kind === 'note' ? d.value || 2 : 0
    const add = () => {
      v.act.set({ kind, itemId: it.id, text: d.text, value })
      v.act.setDraft(draftId, '', 0)
    }
    const mineHere = v.mine.list(kind, it.id)
    const shared = (revealed?.notes ?? []).filter((n) => n.itemId === it.id && n.kind === kind)
    out.push(
      section(
        `b-${it.id}`,
        it.text,
        mineHere.length > 0 &&
          h(
            'ul',
            { class: 'notes', 'aria-label': `Your ${noun}s` },
            mineHere.map((n) =>
              h(
                'li',
                { 'data-k': n.key },
                h('span', {}, n.text),
                kind === 'note' && n.value > 0 && h('span', { class: 'muted' }, ` · severity ${n.value}`),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'quiet',
                    disabled: v.off,
                    'aria-label': `Remove your ${noun}: ${n.text}`,
                    onclick: () => v.act.remove(n.key),
                  },
                  'Remove',
                ),
              ),
            ),
          ),
        field(draftId, `Your ${noun}`, d.text, (t) => v.act.setDraft(draftId, t, d.value), v.off, { rows: 2 }),
        kind === 'note' &&
          choices(
            'Severity',
            severities,
            (s) => s === value,
            (s) => v.act.setDraft(draftId, d.text, Number(s)),
            v.off,
          ),
        h(
          'button',
          { type: 'button', class: 'primary', disabled: v.off || d.text.trim() === '', onclick: add },
          `Add ${noun}`,
        ),
        v.a.revealed &&
          shared.length > 0 &&
          h('h4', {}, voting ? `Everyone’s ${noun}s: give your dots` : `Everyone’s ${noun}s`),
        v.a.revealed &&
          shared.length > 0 &&
          h(
            'ul',
            { class: 'notes shared', 'aria-label': `Everyone’s ${noun}s` },
            shared.map((n) => {
              const mineVote = v.mine.get(`vote:0:0:${n.id}`)?.value ?? 0
              const pitch = v.mine.get(`pitch:0:0:${n.id}`)?.value ?? 0
              const vote = (to: number) => v.act.set({ kind: 'vote', targetId: n.id, value: to })
              return h(
                'li',
                { 'data-k': `n${n.id}` },
                h('span', {}, n.text),
                h('span', { class: 'muted' }, ` · ${dotWord(n.dots)}`),
                voting &&
                  h(
                    'div',
                    { class: 'vote' },
                    h(
                      'button',
                      {
                        type: 'button',
                        disabled: v.off || mineVote === 0,
                        'aria-label': `Take a dot back from: ${n.text}`,
                        onclick: () => vote(mineVote - 1),
                      },
                      '−',
                    ),
                    h('span', { class: 'mydots' }, `Your dots: ${mineVote}`),
                    h(
                      'button',
                      {
                        type: 'button',
                        disabled: v.off || dotsLeft <= 0,
                        'aria-label': `Give a dot to: ${n.text}`,
                        onclick: () => vote(mineVote + 1),
                      },
                      '+',
                    ),
                  ),
                kind === 'idea' &&
                  choices(
                    `Pitch score for: ${n.text}`,
                    range(1, 5),
                    (p) => p === pitch,
                    (p) => v.act.set({ kind: 'pitch', targetId: n.id, value: p === pitch ? 0 : Number(p) }),
                    v.off,
                  ),
              )
            }),
          ),
      ),
    )
  }
  return out
}
