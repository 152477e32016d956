import { useEffect, useState } from 'react'
import { errorMessage } from '../../api'
import { teamApi, type SyncReport } from '../../api/team'
import { Alert } from '../../components/Alert'
import { PageHeader } from '../../components/PageHeader'
import { useLoad } from '../session/useLoad'
import { InvitePanel } from './InvitePanel'
import { LeaveButton } from './LeaveButton'
import { syncSummary } from './labels'
import { CreateTeamForm, JoinTeamForm } from './TeamForms'
import { TeamStatusPanel } from './TeamStatusPanel'
import './team.css'

/** How often the open page reads the status again (the app syncs every 10 s). */
const refreshMs = 3000

/**
 * The team: share this board through a folder the team's sync service
 * replicates, or join one with an invite code; once in a team, how sync
 * stands, who is in it, and sync now, invite a laptop, leave.
 */
export function TeamPage() {
  const loaded = useLoad(() => teamApi.status(), [])
  const { data: status, reload, setData } = loaded
  const [now, setNow] = useState(Date.now)
  const [report, setReport] = useState<SyncReport | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const t = setInterval(() => {
      setNow(Date.now())
      void reload()
    }, refreshMs)
    return () => clearInterval(t)
  }, [reload])

  async function syncNow() {
    setBusy(true)
    setError('')
    setReport(null)
    try {
      setReport(await teamApi.sync())
      await reload()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const left = () => {
    setReport(null)
    void reload()
  }

  return (
    <section className="page team-page" aria-label="Team">
      <PageHeader title="Team">
        {status?.inTeam && (
          <>
            <button type="button" className="btn btn-primary" onClick={syncNow} disabled={busy}>
              Sync now
            </button>
            <LeaveButton onLeft={left} />
          </>
        )}
      </PageHeader>
      {(error || loaded.error) && <Alert tone="error">{error || loaded.error}</Alert>}
      {report && <Alert tone={report.problems?.length ? 'warning' : 'success'}>{syncSummary(report)}</Alert>}
      {!status && !loaded.error && <p className="muted">Loading…</p>}
      {status && !status.inTeam && (
        <>
          <p className="lead">
            Share one board across the team&apos;s laptops, with no server: each laptop keeps its own copy and works
            offline, and they sync through a shared folder.
          </p>
          <div className="team-forms">
            <CreateTeamForm onDone={setData} />
            <JoinTeamForm onDone={setData} />
          </div>
        </>
      )}
      {status?.inTeam && (
        <>
          <TeamStatusPanel status={status} now={now} onChanged={() => void reload()} />
          <InvitePanel />
        </>
      )}
    </section>
  )
}
