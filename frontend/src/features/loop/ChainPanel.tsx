import { useCallback, useEffect, useState } from 'react'
import { errorMessage } from '../../api'
import { loopApi, loopChanged, type ChainProposal } from '../../api/loop'
import { href } from '../../router'
import { chosenInputs, editable, ProposalList, type Editable } from './ProposalList'
import { plural } from '../../text'

/**
 * The follow-up chain of a finished session: proposed at once while none is
 * accepted, editable, saved on Accept. Once accepted it only offers the
 * steps still missing (say, for someone marked attended later).
 */
export function ChainPanel({ sessionId, onAccepted }: { sessionId: number; onAccepted: () => Promise<void> }) {
  const [proposal, setProposal] = useState<ChainProposal | null>(null)
  const [rows, setRows] = useState<Editable[]>([])
  const [open, setOpen] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)

  const shown = useCallback((p: ChainProposal, show: boolean) => {
    setProposal(p)
    setRows(editable(p.items ?? []))
    setOpen(show || (p.existing === 0 && (p.items ?? []).length > 0))
  }, [])
  const propose = async (show: boolean) => {
    setError('')
    try {
      shown(await loopApi.proposeChain(sessionId), show)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  useEffect(() => {
    let live = true
    loopApi.proposeChain(sessionId).then(
      (p) => live && shown(p, false),
      (e) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [sessionId, shown])

  async function accept() {
    setBusy(true)
    setError('')
    try {
      const res = await loopApi.acceptChain(sessionId, chosenInputs(rows))
      setDone(
        `Saved ${plural(res.created.length, 'reminder')}${res.duplicates ? `; ${res.duplicates} already planned` : ''}.`,
      )
      loopChanged()
      setOpen(false)
      await propose(false)
      await onAccepted()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const items = proposal?.items ?? []
  const chosen = rows.filter((r) => r.include).length
  return (
    <section className="card chain" aria-labelledby="chain-title">
      <div className="card-head">
        <h2 id="chain-title">Follow-up chain</h2>
        <a href={href('/followups/settings')} className="small">
          Offsets
        </a>
      </div>
      {done && (
        <p className="saved" role="status">
          {done} <a href={href('/followups/week')}>See them in Follow-ups</a>
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {proposal && !open && (
        <div className="form-actions">
          <p className="muted">
            {proposal.existing > 0 ? `${plural(proposal.existing, 'step')} planned.` : 'No follow-ups planned yet.'}
            {items.length > 0 && ` ${plural(items.length, 'step')} not planned yet.`}
          </p>
          {items.length > 0 && (
            <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
              Propose follow-ups
            </button>
          )}
        </div>
      )}
      {proposal && open && (
        <>
          <p className="guide">
            Thank everyone who attended within a day, ask for afterthoughts and feedback, synthesise within a week, then
            share back what changed. No-shows get none of these. Edit or leave out any step, then accept.
          </p>
          <ProposalList label="Proposed follow-ups" rows={rows} onChange={setRows} skipped={proposal.skipped ?? []} />
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={accept} disabled={busy || chosen === 0}>
              Accept {plural(chosen, 'follow-up')}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setOpen(false)}>
              Not now
            </button>
          </div>
        </>
      )}
    </section>
  )
}
