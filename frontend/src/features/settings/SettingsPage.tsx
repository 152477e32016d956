import { useRef, useState } from 'react'
import { errorMessage } from '../../api'
import { backupApi, type BackupFile } from '../../api/backup'
import { Alert } from '../../components/Alert'
import { PageHeader } from '../../components/PageHeader'
import { useLoad } from '../session/useLoad'
import { formatSize, formatWhen, kindLabel } from './labels'
import './settings.css'

/**
 * Settings: where the data file lives, and its backups — back up now, or
 * restore one (the current state is backed up first, so a restore can be
 * undone by restoring that backup).
 */
export function SettingsPage() {
  const loaded = useLoad(() => Promise.all([backupApi.location(), backupApi.list()]), [])
  const location = loaded.data?.[0] ?? null
  const backups = loaded.data ? (loaded.data[1] ?? []) : null
  const load = loaded.reload
  const [actionError, setError] = useState('')
  const error = actionError || loaded.error
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  const [pending, setPending] = useState<BackupFile | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)

  async function backUpNow() {
    setBusy(true)
    setError('')
    setNotice('')
    try {
      const b = await backupApi.backUpNow()
      setNotice(`Backed up: ${b.name}`)
      await load()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  function askRestore(b: BackupFile) {
    setPending(b)
    setError('')
    setNotice('')
    const d = dialog.current
    if (!d) return
    if (typeof d.showModal === 'function') d.showModal()
    else d.setAttribute('open', '') // jsdom has no showModal
  }

  function closeDialog() {
    dialog.current?.close?.()
    dialog.current?.removeAttribute('open')
  }

  async function restore() {
    if (!pending) return
    setBusy(true)
    try {
      await backupApi.restore(pending.name)
      closeDialog()
      setNotice('Restored. Reloading…')
      // Every page reads the restored data afresh.
      window.location.reload()
    } catch (e) {
      closeDialog()
      setError(errorMessage(e))
      setBusy(false)
      await load()
    }
  }

  return (
    <section className="page settings-page" aria-label="Settings">
      <PageHeader title="Settings" />
      {error && <Alert tone="error">{error}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}

      <section className="settings-section" aria-labelledby="data-heading">
        <h2 id="data-heading">Data file</h2>
        {location ? (
          <dl className="settings-facts">
            <dt>Database</dt>
            <dd>
              <code>{location.dbPath}</code>
            </dd>
            <dt>Backups folder</dt>
            <dd>
              <code>{location.backupDir}</code>
            </dd>
            <dt>Schema version</dt>
            <dd>{location.schemaVersion}</dd>
          </dl>
        ) : (
          !error && <p className="muted">Loading…</p>
        )}
      </section>

      <section className="settings-section" aria-labelledby="backups-heading">
        <div className="settings-section-head">
          <h2 id="backups-heading">Backups</h2>
          <button type="button" className="btn btn-primary" onClick={backUpNow} disabled={busy}>
            Back up now
          </button>
        </div>
        <p className="muted small">
          Sounding Board backs up the data once a day while it is open, and before every upgrade and restore.
          {location &&
            ` It keeps the newest ${location.dailyKeep} daily backups plus one from each of the last ${location.weeklyKeep} weeks, ` +
              `the last ${location.manualKeep} manual ones, ${location.preRestoreKeep} from before a restore and ${location.preMigrationKeep} from before an upgrade.`}
        </p>
        {backups && backups.length === 0 && <p>No backups yet.</p>}
        {backups && backups.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <caption className="sr-only">Backups, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Size
                  </th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {backups.map((b) => (
                  <tr key={b.name}>
                    <td title={b.name}>{formatWhen(b.createdAt)}</td>
                    <td>{kindLabel(b.kind)}</td>
                    <td className="num">{formatSize(b.size)}</td>
                    <td className="settings-row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy || b.schemaVersion === 0}
                        aria-label={`Restore the ${kindLabel(b.kind).toLowerCase()} backup of ${formatWhen(b.createdAt)}`}
                        onClick={() => askRestore(b)}
                      >
                        Restore
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <dialog ref={dialog} className="settings-dialog" aria-labelledby="restore-title" onClose={() => setPending(null)}>
        <h2 id="restore-title">Restore this backup?</h2>
        {pending && (
          <p>
            The data now in Sounding Board will be replaced by the {kindLabel(pending.kind).toLowerCase()} backup of{' '}
            {formatWhen(pending.createdAt)}. The current state is backed up first, so you can go back to it by restoring
            that backup.
          </p>
        )}
        <div className="settings-dialog-actions">
          <button type="button" className="btn" onClick={closeDialog} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={restore} disabled={busy}>
            Restore
          </button>
        </div>
      </dialog>
    </section>
  )
}
