import { useEffect, useState } from 'react'
import { errorMessage, isDesktop, savedText } from '../../api'
import { reportApi, saveLettersToFolder, saveReport, type ReportFormat, type ReportPreview } from '../../api/report'
import { sessionApi } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { PageHeader } from '../../components/PageHeader'
import { href, navigate } from '../../router'
import { word } from '../session/labels'
import { useLoad } from '../session/useLoad'
import {
  choiceFromRoute,
  defaultExport,
  exportOptions,
  fileSize,
  kindInfo,
  reportKinds,
  routeOf,
  targetId,
  type Choice,
  type ExportChoice,
} from './reportChoice'
import { plural } from '../../text'

/** Reports: choose one, see what will be in it, export it as PDF (or Markdown and CSV). */
export function ReportsPage({ route }: { route: string[] }) {
  const choice = choiceFromRoute(route)
  const choose = (c: Partial<Choice>) => navigate(routeOf({ ...choice, ...c }))
  const sessions = useLoad(() => sessionApi.listSessions(), [])
  const decisions = useLoad(() => sessionApi.listDecisions(), [])
  const id = targetId(choice)
  const info = kindInfo(choice.kind)

  const [preview, setPreview] = useState<ReportPreview | null>(null)
  const [previewError, setPreviewError] = useState('')
  const [previewing, setPreviewing] = useState(id !== null)
  const [format, setFormat] = useState<ExportChoice>(defaultExport(choice.kind))
  const [openAfter, setOpenAfter] = useState(true)
  const [exporting, setExporting] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  // Another report chosen: forget the last one's preview and export while this one loads.
  const [shownFor, setShownFor] = useState({ kind: choice.kind, id })
  if (shownFor.kind !== choice.kind || shownFor.id !== id) {
    setShownFor({ kind: choice.kind, id })
    setPreview(null)
    setPreviewError('')
    setResult(null)
    setPreviewing(id !== null)
    setFormat(defaultExport(choice.kind))
  }

  useEffect(() => {
    if (id === null) return
    let live = true
    reportApi
      .preview(choice.kind, id)
      .then(
        (p) => {
          if (!live) return
          setPreview(p)
          const offered = exportOptions(choice.kind, (p.formats ?? []) as ReportFormat[], isDesktop())
          setFormat((f) => (offered.some((o) => o.value === f) ? f : offered[0].value))
        },
        (e) => live && setPreviewError(errorMessage(e)),
      )
      .finally(() => live && setPreviewing(false))
    return () => {
      live = false
    }
  }, [choice.kind, id])

  async function exportIt() {
    if (id === null) return
    setExporting(true)
    setResult(null)
    try {
      const saved =
        format === 'folder'
          ? await saveLettersToFolder(id, openAfter)
          : await saveReport(choice.kind, id, format, openAfter)
      if (saved)
        setResult({ ok: true, text: savedText(saved) + (saved.downloaded ? ` (${fileSize(saved.size)})` : '') })
    } catch (e) {
      setResult({ ok: false, text: errorMessage(e) })
    } finally {
      setExporting(false)
    }
  }

  const runnable = (sessions.data ?? []).filter((s) => s.status !== 'planned')
  const options = exportOptions(choice.kind, (preview?.formats ?? ['pdf']) as ReportFormat[], isDesktop())
  const chosen = options.find((o) => o.value === format) ?? options[0]
  return (
    <section className="page" aria-label="Reports">
      <PageHeader
        title="Reports"
        meta={<span>PDFs to share with people who never open the app; Markdown and CSV for the wiki.</span>}
      />
      <div className="report-layout">
        <div className="report-choose card">
          <fieldset>
            <legend className="card-legend">Report</legend>
            <div className="report-kinds">
              {reportKinds.map((r) => (
                <label key={r.kind} className={`report-kind${r.kind === choice.kind ? ' is-chosen' : ''}`}>
                  <input
                    type="radio"
                    name="report-kind"
                    value={r.kind}
                    checked={r.kind === choice.kind}
                    onChange={() => choose({ kind: r.kind })}
                    aria-describedby={`about-${r.kind}`}
                  />
                  <span>
                    <span className="strong">{r.label}</span>
                    <span className="small muted report-about" id={`about-${r.kind}`}>
                      {r.about}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {info.target === 'session' && (
            <Field label="Session" hint="Running and finished sessions.">
              {(p) => (
                <select {...p} value={choice.sessionId} onChange={(e) => choose({ sessionId: Number(e.target.value) })}>
                  <option value={0}>Choose a session…</option>
                  {runnable.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title} ({word(s.status).toLowerCase()})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {info.target === 'decision' && (
            <Field label="Decision">
              {(p) => (
                <select
                  {...p}
                  value={choice.decisionId}
                  onChange={(e) => choose({ decisionId: Number(e.target.value) })}
                >
                  <option value={0}>All decisions</option>
                  {(decisions.data ?? []).map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {info.target === 'session' && sessions.data && runnable.length === 0 && (
            <p className="muted">No session has run yet. Reports of a session are ready once it has started.</p>
          )}
        </div>

        <section className="card report-preview" aria-labelledby="preview-title" aria-busy={previewing}>
          <h2 id="preview-title">Preview</h2>
          {id === null && <p className="muted">Choose a session to see what the report will hold.</p>}
          {previewing && (
            <p className="busy" role="status">
              <span className="spinner" aria-hidden="true" /> Preparing the preview…
            </p>
          )}
          {previewError && (
            <Alert tone="error" title="The report could not be prepared">
              {previewError}
            </Alert>
          )}
          {preview && !previewing && (
            <>
              <div>
                <p className="report-title">{preview.title}</p>
                {preview.subtitle && <p className="muted">{preview.subtitle}</p>}
                <p className="small report-facts">
                  {preview.teamName ? (
                    <span>
                      <span className="muted">Cover line: </span>
                      {preview.teamName}
                    </span>
                  ) : null}
                  <span>{plural(preview.pages, 'page')} as PDF</span>
                </p>
              </div>
              {!preview.teamName && (
                <Alert tone="warning" title="No team name yet">
                  Every report carries the team or product name on its cover line.{' '}
                  <a href={href('/followups/settings')}>Set the team name</a>.
                </Alert>
              )}
              <table className="table report-sections">
                <caption className="small-heading">What it holds</caption>
                <thead>
                  <tr>
                    <th scope="col">Section</th>
                    <th scope="col" className="num">
                      Items
                    </th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {(preview.sections ?? []).map((s) => (
                    <tr key={s.title}>
                      <th scope="row">{s.title}</th>
                      <td className={`num${s.items ? '' : ' zero'}`}>{s.items}</td>
                      <td className="muted">{s.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {(preview.warnings ?? []).length > 0 && (
                <Alert tone="info" title="Before you send it">
                  <ul>
                    {(preview.warnings ?? []).map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                </Alert>
              )}
              <div className="report-export">
                {options.length > 1 && (
                  <fieldset className="choice inline-choice">
                    <legend>{choice.kind === 'letters' ? 'Save as' : 'Format'}</legend>
                    <div className="choice-options">
                      {options.map((o) => (
                        <label key={o.value} className="choice-option">
                          <input
                            type="radio"
                            name="report-format"
                            value={o.value}
                            checked={chosen.value === o.value}
                            onChange={() => setFormat(o.value)}
                          />
                          <span>{o.label}</span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                )}
                {isDesktop() && (
                  <label className="check">
                    <input type="checkbox" checked={openAfter} onChange={(e) => setOpenAfter(e.target.checked)} />
                    Open after saving
                  </label>
                )}
                <div className="form-actions">
                  <button type="button" className="btn btn-primary" onClick={exportIt} disabled={exporting}>
                    {chosen.button}
                  </button>
                  {exporting && (
                    <span className="busy" role="status">
                      <span className="spinner" aria-hidden="true" /> Rendering…
                    </span>
                  )}
                  {result && (
                    <span className={result.ok ? 'saved' : 'error-text'} role={result.ok ? 'status' : 'alert'}>
                      {result.text}
                    </span>
                  )}
                </div>
              </div>
            </>
          )}
        </section>
      </div>
    </section>
  )
}
