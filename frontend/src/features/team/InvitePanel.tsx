import { useState } from 'react'
import { errorMessage } from '../../api'
import { teamApi, type TeamInvite } from '../../api/team'
import { ErrorText } from '../../components/Alert'
import { copyText } from '../loop/clipboard'
import { formatWhen } from '../settings/labels'

/** Makes a single-use invite code and shows it, big and copyable, until the page closes. */
export function InvitePanel() {
  const [invite, setInvite] = useState<TeamInvite | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [copied, setCopied] = useState('')

  async function make() {
    setBusy(true)
    setError('')
    setCopied('')
    try {
      setInvite(await teamApi.invite())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  async function copy() {
    if (invite) setCopied((await copyText(invite.code)) ? 'Copied.' : 'Could not copy: select the code and copy it.')
  }

  return (
    <section className="team-section" aria-labelledby="team-invite-heading">
      <div className="team-section-head">
        <h2 id="team-invite-heading">Invite a laptop</h2>
        <button type="button" className="btn" onClick={make} disabled={busy}>
          Invite a laptop
        </button>
      </div>
      <ErrorText message={error} />
      {invite && (
        <div className="card team-invite">
          <output className="team-code" aria-label="Invite code">
            {invite.code}
          </output>
          <div className="form-actions">
            <button type="button" className="btn btn-small" onClick={copy}>
              Copy the code
            </button>
            <span className="saved" aria-live="polite">
              {copied}
            </span>
          </div>
          <p className="small">
            Pass it on by hand or in a private message: it works once, for one laptop, until{' '}
            {formatWhen(invite.expiresAt)}. On that laptop: Team, Join a team.
          </p>
        </div>
      )}
    </section>
  )
}
