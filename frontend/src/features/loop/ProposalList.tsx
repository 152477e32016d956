import type { Proposal, Skipped } from '../../api/loop'
import { loopWord, toLocalInput } from './labels'

/** A proposal as the facilitator edits it before accepting. */
export interface Editable {
  include: boolean
  title: string
  dueAt: string // datetime-local
  p: Proposal
}

export const editable = (items: Proposal[]): Editable[] =>
  items.map((p) => ({ include: true, title: p.reminder.title, dueAt: toLocalInput(p.reminder.dueAt), p }))

/** The accepted items as inputs: a wall time read in the proposal's zone. */
export const chosenInputs = (rows: Editable[]) =>
  rows.filter((r) => r.include).map((r) => ({ ...r.p.reminder, title: r.title, dueAt: r.dueAt }))

/** Rows grouped by step, in the order the steps first appear (soonest first). */
function byStep(rows: Editable[]): [string, { r: Editable; i: number }[]][] {
  const groups = new Map<string, { r: Editable; i: number }[]>()
  rows.forEach((r, i) => groups.set(r.p.step, [...(groups.get(r.p.step) ?? []), { r, i }]))
  return [...groups.entries()]
}

/** Proposed reminders by step: include or leave out each, edit its title and due time; drafts where given. */
export function ProposalList({
  label,
  rows,
  onChange,
  skipped,
}: {
  label: string
  rows: Editable[]
  onChange: (rows: Editable[]) => void
  skipped: Skipped[]
}) {
  const set = (i: number, patch: Partial<Editable>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <div className="proposals" role="group" aria-label={label}>
      {byStep(rows).map(([step, items]) => (
        <section key={step} className="proposal-step">
          <h3 className="small-heading">
            {step} <span className="muted">· {loopWord(items[0].r.p.reminder.kind)}</span>
          </h3>
          <ul className="proposal-list" aria-label={step}>
            {items.map(({ r, i }) => {
              const who = r.p.member || 'the team'
              return (
                <li key={i} className={r.include ? 'proposal' : 'proposal is-left-out'}>
                  <label className="check proposal-include">
                    <input
                      type="checkbox"
                      checked={r.include}
                      onChange={(e) => set(i, { include: e.target.checked })}
                      aria-label={`Include: ${step}, ${who}`}
                    />
                    <span aria-hidden="true">{r.p.member || 'Team'}</span>
                  </label>
                  <input
                    value={r.title}
                    onChange={(e) => set(i, { title: e.target.value })}
                    disabled={!r.include}
                    aria-label={`Title: ${step}, ${who}`}
                  />
                  <input
                    type="datetime-local"
                    value={r.dueAt}
                    onChange={(e) => set(i, { dueAt: e.target.value })}
                    disabled={!r.include}
                    aria-label={`Due: ${step}, ${who}`}
                  />
                  {r.p.draft && (
                    <details className="proposal-draft">
                      <summary>Drafted message</summary>
                      <pre className="draft-text">{r.p.draft}</pre>
                    </details>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      ))}
      {skipped.length > 0 && (
        <p className="small muted">Left out: {skipped.map((s) => `${s.member} (${s.reason})`).join(', ')}.</p>
      )}
    </div>
  )
}
