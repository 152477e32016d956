import { useState } from 'react'
import { errorMessage } from '../../../api'
import { activityApi } from '../../../api/activity'
import { sessionApi } from '../../../api/session'
import { transcriptApi, type Line, type Transcript } from '../../../api/transcript'
import { Alert } from '../../../components/Alert'
import { formatDate } from '../../../components/hooks'
import { BackIcon } from '../../../components/Icons'
import { PageHeader } from '../../../components/PageHeader'
import { href } from '../../../router'
import { plural } from '../../../text'
import { SessionNotFound } from '../SessionNotFound'
import { useLoad } from '../useLoad'
import { LineList, type Target } from './LineList'
import { SpeakerList } from './SpeakerList'
import './transcript.css'

/**
 * Evidence from recordings: import a session's transcript (.vtt or .srt
 * from Zoom, Teams or Meet), check whom each speaker is, and turn lines
 * into attributed quotes on the agenda's activities by keyboard.
 */
export function TranscriptPage({ sessionId }: { sessionId: number }) {
  const session = useLoad(() => sessionApi.getSession(sessionId), [sessionId])
  const agenda = useLoad(() => activityApi.agenda(sessionId), [sessionId])
  const list = useLoad(() => transcriptApi.list(sessionId), [sessionId])
  const [openId, setOpenId] = useState(0)
  const shownId = openId || list.data?.[list.data.length - 1]?.id || 0
  const tr = useLoad(
    () => (shownId ? transcriptApi.get(shownId) : Promise.resolve(null as Transcript | null)),
    [shownId],
  )
  const [importError, setImportError] = useState('')
  const [busy, setBusy] = useState(false)
  const [target, setTarget] = useState<number | null>(null)
  const [confirmDelete, setConfirmDelete] = useState(false)

  const s = session.data
  const back = (
    <a className="back-link" href={href(`/sessions/after/${sessionId}`)}>
      <BackIcon /> Synthesis
    </a>
  )
  if (session.missing) return <SessionNotFound id={sessionId} />
  if (!s || !agenda.data) {
    return (
      <section className="page" aria-label="Transcripts">
        {back}
        {session.error || agenda.error ? (
          <Alert tone="error" title="The transcripts could not be opened">
            {session.error || agenda.error}
          </Alert>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    )
  }

  const targets: Target[] = [
    { id: 0, title: 'The session as a whole' },
    ...agenda.data.activities.map((a) => ({ id: a.id, title: a.title })),
  ]
  // Quotes go to the activity on screen in the run view, until one is chosen.
  const chosen = target ?? Math.min(targets.length - 1, agenda.data.current + 1)

  const importFile = async (file: File | undefined) => {
    if (!file) return
    setImportError('')
    setBusy(true)
    try {
      const t = await transcriptApi.import(sessionId, file)
      await list.reload()
      setOpenId(t.id)
    } catch (e) {
      setImportError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const onQuoted = (done: Line[]) => {
    const byId = new Map(done.map((l) => [l.id, l]))
    tr.setData((t) => t && { ...t, lines: t.lines.map((l) => byId.get(l.id) ?? l) })
    void list.reload()
  }
  const remove = async () => {
    if (!shownId) return
    try {
      await transcriptApi.delete(shownId)
      setConfirmDelete(false)
      setOpenId(0)
      await list.reload()
    } catch (e) {
      setImportError(errorMessage(e))
    }
  }

  const t = tr.data
  return (
    <section className="page" aria-label="Transcripts">
      {back}
      <PageHeader title={`Transcripts: ${s.title}`} meta={<span>{plural(list.data?.length ?? 0, 'transcript')}</span>}>
        <a className="btn" href={href(`/sessions/run/${sessionId}`)}>
          Open run view
        </a>
      </PageHeader>

      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">Import a transcript</h2>
        <p className="muted">
          A WebVTT (.vtt) or SubRip (.srt) file, as Zoom, Teams or Meet export it. Speakers are matched to this
          session's participants by name.
        </p>
        <label className="field">
          <span>Transcript file (.vtt or .srt)</span>
          <input
            type="file"
            accept=".vtt,.srt,text/vtt"
            disabled={busy}
            onChange={(e) => {
              void importFile(e.target.files?.[0])
              e.target.value = ''
            }}
          />
        </label>
        {importError && (
          <Alert tone="error" title="Nothing was imported">
            {importError}
          </Alert>
        )}
        {(list.data?.length ?? 0) > 1 && (
          <label className="field">
            <span>Transcript</span>
            <select value={shownId} onChange={(e) => setOpenId(Number(e.target.value))}>
              {list.data?.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.fileName} · {formatDate(x.importedAt)}
                </option>
              ))}
            </select>
          </label>
        )}
      </section>

      {t && (
        <>
          <div className="transcript-head">
            <p>
              <strong>{t.fileName}</strong> · {plural(t.lineCount, 'line')} · {t.quoted} quoted
              {t.unmatched > 0 && <> · {plural(t.unmatched, 'speaker')} not matched</>}
            </p>
            {confirmDelete ? (
              <span>
                <button type="button" className="btn btn-small btn-danger" onClick={() => void remove()}>
                  Delete {t.fileName}
                </button>
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirmDelete(false)}>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirmDelete(true)}>
                Delete transcript
              </button>
            )}
          </div>
          <SpeakerList speakers={t.speakers} participants={s.participants ?? []} onChange={() => tr.reload()} />
          <LineList
            lines={t.lines}
            speakers={t.speakers}
            targets={targets}
            target={chosen}
            onTarget={setTarget}
            onQuoted={onQuoted}
          />
        </>
      )}
      {!t && list.data?.length === 0 && <p className="muted">No transcript yet.</p>}
    </section>
  )
}
