import { PageNotFound } from '../../components/NotFound'
import { href } from '../../router'
import { DecisionList } from './decisions/DecisionList'
import { DecisionPage } from './decisions/DecisionPage'
import { LedgerPage } from './ledger/LedgerPage'
import { NewSessionPage } from './plan/NewSessionPage'
import { SessionList } from './plan/SessionList'
import { SessionPlanPage } from './plan/SessionPlanPage'
import { RunView } from './run/RunView'
import { SynthesisPage } from './after/SynthesisPage'
import { TranscriptPage } from './transcript/TranscriptPage'

const tabs = [
  { path: '', label: 'Sessions', pages: ['', 'new', 'plan', 'after', 'transcripts'] },
  { path: 'decisions', label: 'Decisions', pages: ['decisions', 'decision'] },
  { path: 'assumptions', label: 'Assumption ledger', pages: ['assumptions'] },
]

/**
 * Sessions: decisions and their assumptions, session plans, the live run,
 * the synthesis afterwards and the assumption ledger across sessions.
 */
export function SessionsFeature({ route }: { route: string[] }) {
  const [page = '', arg] = route
  const id = Number(arg)

  // The run view is a room of its own: no sub-navigation.
  if (page === 'run' && id) return <RunView key={id} sessionId={id} />

  return (
    <>
      <nav className="subnav" aria-label="Sessions">
        {tabs.map((t) => (
          <a key={t.path} href={href(`/sessions/${t.path}`)} aria-current={t.pages.includes(page) ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {page === 'new' ? (
        <NewSessionPage decisionId={id || 0} format={route[2]} />
      ) : page === 'plan' && id ? (
        <SessionPlanPage key={id} id={id} />
      ) : page === 'after' && id ? (
        <SynthesisPage key={id} sessionId={id} />
      ) : page === 'transcripts' && id ? (
        <TranscriptPage key={id} sessionId={id} />
      ) : page === 'decisions' ? (
        <DecisionList />
      ) : page === 'decision' && arg ? (
        <DecisionPage key={arg} id={arg === 'new' ? 0 : id} />
      ) : page === 'assumptions' ? (
        <LedgerPage />
      ) : page ? (
        <PageNotFound path={`/sessions/${route.join('/')}`} />
      ) : (
        <SessionList />
      )}
    </>
  )
}
