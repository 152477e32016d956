import { reactionSummary, type ReactionCounts } from '../after/synthesis'

/**
 * The emotional reactions noted on an assumption over the sessions that
 * tested it, beside its evidence: how it landed, not only what was
 * answered. Nothing when none were noted.
 */
export function LedgerReactions({ reactions }: { reactions?: ReactionCounts }) {
  const text = reactions ? reactionSummary(reactions) : ''
  if (!text) return null
  return (
    <p className="small ledger-reactions" role="note" aria-label={`Reactions noted: ${text.replaceAll(' · ', ', ')}`}>
      <span className="muted">Reactions: </span>
      {text}
    </p>
  )
}
