import { useState } from 'react'
import { errorMessage } from '../../api'
import { loopApi, loopChanged, type ShareBackProposal } from '../../api/loop'
import { href } from '../../router'
import { chosenInputs, editable, ProposalList, type Editable } from './ProposalList'
import { TellEditor } from './TellEditor'
import { plural } from '../../text'

/**
 * "You said, we did": after a verdict or a decision, propose a share-back
 * to exactly the people whose words bore on it, each with a drafted message
 * that says what we tell participants about it (editable here).
 */
export function ShareBackPanel({ kind, id, label }: { kind: 'assumption' | 'decision'; id: number; label: string }) {
  const [proposal, setProposal] = useState<ShareBackProposal | null>(null)
  const [rows, setRows] = useState<Editable[]>([])
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)

  async function propose() {
    setError('')
    setDone('')
    setBusy(true)
    try {
      const p = await loopApi.proposeShareBack(kind, id)
      setProposal(p)
      // Drafted again after the line changed: keep what was chosen and edited, take the new drafts.
      const before = new Map(rows.map((r) => [r.p.reminder.memberId, r]))
      setRows(
        editable(p.items ?? []).map((r) => {
          const was = before.get(r.p.reminder.memberId)
          return was ? { ...was, p: r.p } : r
        }),
      )
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  async function accept() {
    setBusy(true)
    setError('')
    try {
      const res = await loopApi.acceptShareBack(chosenInputs(rows))
      setDone(
        `Planned ${plural(res.created.length, 'share-back')}${res.duplicates ? `; ${res.duplicates} already open` : ''}.`,
      )
      setProposal(null)
      setRows([])
      loopChanged()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const chosen = rows.filter((r) => r.include).length
  return (
    <div className="shareback">
      {!proposal && (
        <button type="button" className="btn btn-small" onClick={propose} disabled={busy}>
          Propose share-back<span className="sr-only"> for {label}</span>
        </button>
      )}
      {done && (
        <p className="saved small" role="status">
          {done} <a href={href('/followups/week')}>Follow-ups</a>
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {proposal && (
        <div className="inline-form" role="group" aria-label={`Share-back for ${label}`}>
          <TellEditor tell={proposal.tell} onSaved={propose} />
          {(proposal.items ?? []).length === 0 ? (
            <p className="muted small">
              Nobody who spoke to it may be contacted, so there is nobody to share back with.
            </p>
          ) : (
            <ProposalList
              label={`Share-backs for ${label}`}
              rows={rows}
              onChange={setRows}
              skipped={proposal.skipped ?? []}
            />
          )}
          <div className="form-actions">
            {(proposal.items ?? []).length > 0 && (
              <button
                type="button"
                className="btn btn-primary btn-small"
                onClick={accept}
                disabled={busy || chosen === 0}
              >
                Accept {plural(chosen, 'share-back')}
              </button>
            )}
            <button
              type="button"
              className="btn btn-quiet btn-small"
              onClick={() => {
                setProposal(null)
                setRows([])
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
