import { useEffect } from 'react'
import { loopApi, onLoopChanged } from '../../api/loop'
import { Alert } from '../../components/Alert'
import { useLoad } from '../session/useLoad'
import { ChainPanel } from './ChainPanel'
import { ClosurePanel } from './ClosurePanel'

/** On a finished session's page: its loop-closure rate and its follow-up chain. */
export function SessionFollowUps({ sessionId }: { sessionId: number }) {
  const closure = useLoad(() => loopApi.sessionClosure(sessionId), [sessionId])
  const reloadClosure = closure.reload
  useEffect(() => onLoopChanged(() => void reloadClosure()), [reloadClosure])
  return (
    <div className="after-layout followups-after" role="region" aria-label="Follow-ups of this session">
      <ChainPanel sessionId={sessionId} onAccepted={closure.reload} />
      {closure.data && <ClosurePanel closure={closure.data} title="Heard back" />}
      {closure.error && <Alert tone="error">{closure.error}</Alert>}
    </div>
  )
}
