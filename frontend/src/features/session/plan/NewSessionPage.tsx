import { sessionApi } from '../../../api/session'
import { BackIcon } from '../../../components/Icons'
import { PageHeader } from '../../../components/PageHeader'
import { href, navigate } from '../../../router'
import { emptySession, SessionForm } from './SessionForm'

/** Plan a new session; participants are picked once it is saved. */
export function NewSessionPage({ decisionId, format }: { decisionId: number; format?: string }) {
  return (
    <section className="page narrow" aria-label="Plan a session">
      <a className="back-link" href={href('/sessions')}>
        <BackIcon /> All sessions
      </a>
      <PageHeader title="Plan a session" />
      <p className="lead">Choose the decision it informs and the assumptions to test. You pick participants next.</p>
      <SessionForm
        initial={{ ...emptySession(decisionId), ...(format && { format }) }}
        submitLabel="Create session"
        onSave={async (input) => {
          const s = await sessionApi.saveSession(input)
          navigate(`/sessions/plan/${s.id}`)
        }}
      />
    </section>
  )
}
