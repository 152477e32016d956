import { useState } from 'react'
import { api, errorMessage } from '../../../api'
import { Alert } from '../../../components/Alert'
import { NotFound } from '../../../components/NotFound'
import { formatDate } from '../../../components/hooks'
import { BackIcon, WarningIcon } from '../../../components/Icons'
import { PageHeader } from '../../../components/PageHeader'
import { RecordHistory } from '../../../components/RecordHistory'
import { href, navigate } from '../../../router'
import { useBoard } from '../BoardContext'
import { label } from '../labels'
import { ConsentPanel } from './ConsentPanel'
import { MemberForm } from './MemberForm'
import { memberToForm } from './memberForm'
import { MemberSessions } from './MemberSessions'
import { MergePanel } from './MergePanel'
import { PrivacyPanel } from './PrivacyPanel'
import { Timeline } from './Timeline'
import { useMemberDetail } from './useMemberDetail'

/** One member: details, fitness, consent, history; archive and restore. */
export function MemberPage({ id }: { id: number }) {
  const { changed } = useBoard()
  const { detail, error, missing, reload } = useMemberDetail(id)
  const [actionError, setActionError] = useState('')
  const [busy, setBusy] = useState(false)

  const back = (
    <a className="back-link" href={href('/board')}>
      <BackIcon /> All members
    </a>
  )
  if (!detail && missing) {
    return (
      <NotFound title="Member not found" ways={[{ path: '/board', label: 'All members' }]}>
        <p>There is no member {id} on this board: they may have been erased, or the link is out of date.</p>
      </NotFound>
    )
  }
  if (!detail) {
    return (
      <section className="page" aria-label="Member">
        {back}
        {error ? (
          <Alert tone="error" title="This member could not be opened">
            {error}
          </Alert>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    )
  }

  const m = detail.member
  const refresh = async () => {
    await reload()
    changed()
  }

  async function toggleArchive() {
    setBusy(true)
    setActionError('')
    try {
      await (m.archived ? api.restoreMember(m.id) : api.archiveMember(m.id))
      await refresh()
    } catch (e) {
      setActionError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="page" aria-label={`Member ${m.name}`}>
      {back}
      <PageHeader
        title={<bdi>{m.name}</bdi>}
        meta={
          <>
            <span className={`status status-${m.status}`}>{label(m.status)}</span>
            {m.archived && <span className="badge badge-muted">Archived</span>}
            {[m.role, m.company, m.segment].filter(Boolean).join(' · ')}
            <span>Last contacted: {formatDate(m.lastContacted) || 'never'}</span>
          </>
        }
      >
        <button type="button" className={m.archived ? 'btn' : 'btn btn-quiet'} onClick={toggleArchive} disabled={busy}>
          {m.archived ? 'Restore' : 'Archive'}
        </button>
      </PageHeader>
      {actionError && <Alert tone="error">{actionError}</Alert>}
      {m.archived && (
        <Alert tone="info" title="Archived">
          <bdi>{m.name}</bdi> is hidden from the board. Restore to bring them back.
        </Alert>
      )}
      {!m.canContact && (
        <div className="banner banner-warning" role="note">
          <WarningIcon />
          <p>
            <strong>No valid contact consent.</strong> Do not contact <bdi>{m.name}</bdi> until contact consent is
            granted (see Consent).
          </p>
        </div>
      )}
      <div className="member-layout">
        <MemberForm
          initial={memberToForm(m)}
          submitLabel="Save changes"
          onSubmit={async (input) => {
            await api.updateMember(m.id, input)
            await refresh()
          }}
        />
        <div className="member-side">
          <ConsentPanel memberId={m.id} consents={detail.consents ?? []} onChange={refresh} />
          <MemberSessions memberId={m.id} />
          <Timeline memberId={m.id} entries={detail.timeline ?? []} onChange={refresh} />
          <RecordHistory kind="member" id={m.id} />
          <MergePanel
            member={m}
            onMerged={(into) => {
              changed()
              navigate(`/board/member/${into.member.id}`)
            }}
          />
          <PrivacyPanel
            memberId={m.id}
            name={m.name}
            onErased={() => {
              changed()
              navigate('/board')
            }}
          />
        </div>
      </div>
    </section>
  )
}
