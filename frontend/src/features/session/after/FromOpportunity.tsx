import type { OpportunityRef } from '../../../api/session'
import { href } from '../../../router'

/** Where an assumption came from, when a synthesis turned an opportunity into it; nothing otherwise. */
export function FromOpportunity({ from }: { from?: OpportunityRef | null }) {
  if (!from) return null
  return (
    <p className="muted small">
      From the opportunity “<bdi>{from.hmw}</bdi>” of{' '}
      <a href={href(`/sessions/after/${from.sessionId}`)}>
        <bdi>{from.sessionTitle}</bdi>
      </a>
    </p>
  )
}
