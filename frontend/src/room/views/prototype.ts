import { h } from '../dom'
import { choices, field, range, section, words, type View } from './widgets'

const results = ['success', 'partial', 'fail']

/** Prototype test: per variant and task a result, time, ease and observation; then a preferred variant. */
export function prototypeTest(v: View): HTMLElement[] {
  const variants = v.a.items.filter((i) => i.role === 'variant')
  const tasks = v.a.items.filter((i) => i.role === 'task')
  const out = variants.map((va) =>
    section(
      `v-${va.id}`,
      va.text,
      tasks.map((t) => {
        const slot = (kind: string) => v.mine.get(`${kind}:${t.id}:${va.id}:0`)
        const set = (kind: string, text: string, value: number, typing = false) =>
          v.act.set({ kind, itemId: t.id, variantId: va.id, text, value }, typing)
        const result = slot('result')?.text ?? ''
        const ease = slot('ease')?.value ?? 0
        const secs = slot('seconds')?.value ?? 0
        const f = `${t.id}-${va.id}`
        return h(
          'fieldset',
          { class: 'task', 'data-k': `t-${f}` },
          h('legend', {}, t.text),
          choices(
            'Result',
            results.map((r) => ({ value: r, label: words[r] })),
            (r) => r === result,
            (r) => set('result', r === result ? '' : String(r), 0),
            v.off,
          ),
          field(
            `secs-${f}`,
            'Time in seconds',
            secs ? String(secs) : '',
            (s) => set('seconds', '', Math.min(86400, Math.max(0, Math.floor(Number(s) || 0))), true),
            v.off,
            { type: 'number' },
          ),
          choices(
            'Ease, from 1 (very hard) to 7 (very easy)',
            range(1, 7),
            (e) => e === ease,
            (e) => set('ease', '', e === ease ? 0 : Number(e)),
            v.off,
          ),
          field(
            `obs-${f}`,
            'What did you notice?',
            slot('observation')?.text ?? '',
            (s) => set('observation', s, 0, true),
            v.off,
            {
              rows: 2,
            },
          ),
        )
      }),
    ),
  )
  if (variants.length > 1) {
    const pref = v.mine.get('preference')
    const chosen = pref?.variantId ?? 0
    const why = pref?.text ?? ''
    out.push(
      section(
        'pref',
        'Which one did you prefer?',
        choices(
          'Your preference',
          variants.map((va) => ({ value: va.id, label: va.text })),
          (id) => id === chosen,
          (id) =>
            v.act.set({
              kind: 'preference',
              variantId: id === chosen ? 0 : Number(id),
              text: id === chosen ? '' : why,
            }),
          v.off,
        ),
        field(
          'pref-why',
          'Why?',
          why,
          (s) => v.act.set({ kind: 'preference', variantId: chosen, text: s }, true),
          v.off || chosen === 0,
        ),
      ),
    )
  }
  return out
}
