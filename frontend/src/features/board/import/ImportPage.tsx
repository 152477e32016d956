import { useRef, useState } from 'react'
import {
  api,
  errorMessage,
  fileToImportRequest,
  saveRowsToFix,
  savedText,
  type ImportPreview,
  type ImportRequest,
  type ImportResult,
  type ImportRow,
} from '../../../api'
import { Alert } from '../../../components/Alert'
import { Field } from '../../../components/Field'
import { PageHeader } from '../../../components/PageHeader'
import { href } from '../../../router'
import { useBoard } from '../BoardContext'
import { label } from '../labels'
import { ColumnMapping, mappingOf } from './ColumnMapping'
import { ImportPreviewTable, ImportProblems, ImportReview } from './ImportPreviewTable'
import { plural } from '../../../text'

/**
 * Import members from a CSV or vCard file: preview, map columns, choose what
 * happens to people already on the board, settle rows that may be someone
 * already there, then import (all rows, or deliberately only the valid ones).
 */
export function ImportPage() {
  const { changed } = useBoard()
  const [req, setReq] = useState<ImportRequest | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [showMapping, setShowMapping] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [importError, setImportError] = useState('')
  const [result, setResult] = useState<ImportResult | null>(null)
  // Import the valid rows and leave out the rest: chosen per file, never by default.
  const [leaveOut, setLeaveOut] = useState(false)
  const [saved, setSaved] = useState('')
  const seq = useRef(0)
  // Which preview is on screen, so a new one starts its table afresh.
  const [previewed, setPreviewed] = useState(0)

  async function runPreview(next: ImportRequest) {
    const n = ++seq.current
    setReq(next)
    setBusy(true)
    setError('')
    setImportError('')
    try {
      const p = await api.previewImport(next)
      if (n !== seq.current) return
      setPreview(p)
      setPreviewed(n)
      if ((p.unmapped ?? []).length > 0) setShowMapping(true)
    } catch (e) {
      if (n !== seq.current) return
      setPreview(null)
      setError(errorMessage(e))
    } finally {
      if (n === seq.current) setBusy(false)
    }
  }

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0]
    if (!file) return
    setResult(null)
    setShowMapping(false)
    setLeaveOut(false)
    setSaved('')
    try {
      const next = await fileToImportRequest(file, null, req?.encoding ?? '')
      await runPreview({ ...next, existing: req?.existing || next.existing })
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  async function doImport() {
    if (!req) return
    setBusy(true)
    setImportError('')
    // Send the mapping shown on screen, so columns the user left on "Ignore"
    // are ignored on purpose (the backend refuses unexplained columns).
    const columns = preview?.columns ?? []
    const final = { ...req, skipInvalid: leaveOut, ...(columns.length > 0 ? { mapping: mappingOf(columns) } : {}) }
    try {
      const r = await api.importMembers(final)
      setResult(r)
      setPreview(null)
      setReq(null)
      changed()
    } catch (e) {
      setImportError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  function decide(row: ImportRow, same: boolean) {
    if (!req) return
    const decisions = [
      ...req.decisions.filter((d) => d.line !== row.line),
      { line: row.line, memberId: row.match.memberId, same },
    ]
    runPreview({ ...req, decisions })
  }
  const decided = (line: number) => req?.decisions.find((d) => d.line === line)?.same

  async function saveFix() {
    if (!req) return
    setSaved('')
    const columns = preview?.columns ?? []
    try {
      const s = await saveRowsToFix(columns.length > 0 ? { ...req, mapping: mappingOf(columns) } : req)
      if (s) setSaved(savedText(s))
    } catch (e) {
      setSaved(errorMessage(e))
    }
  }

  const rows = preview?.rows ?? []
  const ignored = (preview?.columns ?? []).filter((c) => !c.field || c.field === 'ignore').map((c) => c.header)
  const bad = preview ? preview.invalid + preview.refused : 0
  const writes = preview ? preview.new + preview.updated : 0
  const blocked = !preview || busy || writes === 0 || preview.review > 0 || (bad > 0 && !leaveOut)
  const matched = rows.some((r) => r.match?.memberId)
  const counts: [number, string][] = preview
    ? [
        [preview.updated, 'to update'],
        [preview.unchanged, 'unchanged'],
        [preview.skipped, 'already on the board, skipped'],
        [preview.review, 'to review'],
        [preview.refused, 'refused'],
      ]
    : []

  return (
    <section className="page" aria-label="Import members">
      <PageHeader title="Import members" />
      <p className="lead">
        Bring in people from a spreadsheet (CSV) or an address book (vCard), again whenever the file changes. You see
        what happens to every row before anything is written; consent columns (yes or no, with a date) come along.
      </p>
      <div className="import-choose card">
        <Field label="Contact file (.csv or .vcf)" hint="CSV with a header row, or vCard">
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,.vcf,.vcard,text/csv,text/vcard"
              // Clear before the dialog opens, so choosing the same (fixed) file again still fires change.
              onClick={(e) => (e.currentTarget.value = '')}
              onChange={(e) => choose(e.currentTarget)}
            />
          )}
        </Field>
        <Field label="Text encoding">
          {(p) => (
            <select
              {...p}
              value={req?.encoding ?? ''}
              disabled={!req || busy}
              onChange={(e) => req && runPreview({ ...req, encoding: e.target.value })}
            >
              <option value="">Detect automatically</option>
              <option value="utf-8">UTF-8</option>
              <option value="windows-1252">Windows-1252 (older Excel)</option>
            </select>
          )}
        </Field>
      </div>

      {busy && !preview && (
        <p className="muted" role="status">
          Reading the file…
        </p>
      )}
      {error && (
        <Alert tone="error" title="This file could not be read">
          {error}
        </Alert>
      )}
      {result && (
        <Alert tone="success" title={`Imported ${plural(result.created + result.updated, 'member')}`}>
          {`${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.skipped} skipped`}
          {result.leftOut > 0 && `, ${result.leftOut} left out`}
          {result.consents > 0 && `; ${plural(result.consents, 'consent')} recorded`}.{' '}
          {result.segments > 0 || result.tags > 0
            ? `Created on the way: ${plural(result.segments, 'new segment')}, ${plural(result.tags, 'new tag')}. `
            : ''}
          <a href={href('/board')}>See them on the board</a>
        </Alert>
      )}

      {preview && req && (
        <>
          <div className="import-summary">
            <p>
              <strong>{req.fileName}</strong>: {label(preview.format)}
              {preview.encoding && `, ${preview.encoding}`} · {plural(rows.length, 'row')} ·{' '}
              <span className="ok-text">{preview.new} new</span>
              {counts
                .filter(([n]) => n > 0)
                .map(([n, what]) => (
                  <span key={what}>
                    {' · '}
                    {n} {what}
                  </span>
                ))}{' '}
              · <span className={preview.invalid ? 'bad-text' : undefined}>{preview.invalid} with problems</span>
            </p>
            {(preview.columns ?? []).length > 0 && (
              <button
                type="button"
                className="btn btn-small"
                aria-expanded={showMapping}
                onClick={() => setShowMapping((s) => !s)}
              >
                {showMapping ? 'Hide column mapping' : 'Change column mapping'}
              </button>
            )}
          </div>
          {matched && (
            <fieldset className="import-existing" disabled={busy}>
              <legend>People already on the board</legend>
              <label className="check">
                <input
                  type="radio"
                  name="existing"
                  checked={req.existing !== 'update'}
                  onChange={() => runPreview({ ...req, existing: 'skip' })}
                />
                Skip them: leave them as they are
              </label>
              <label className="check">
                <input
                  type="radio"
                  name="existing"
                  checked={req.existing === 'update'}
                  onChange={() => runPreview({ ...req, existing: 'update' })}
                />
                Update them with what the file adds (a blank cell keeps what is stored; a consent changes only when the
                file's date is newer)
              </label>
            </fieldset>
          )}
          <ImportProblems
            preview={preview}
            leaveOut={leaveOut}
            onLeaveOut={setLeaveOut}
            onSaveRowsToFix={saveFix}
            saved={saved}
          />
          <ImportReview preview={preview} decided={decided} onDecide={decide} disabled={busy} />
          {showMapping && (preview.columns ?? []).length > 0 && (
            <section className="card" aria-labelledby="mapping-title">
              <h2 id="mapping-title">Column mapping</h2>
              {(preview.unmapped ?? []).length > 0 && (
                <p className="muted">
                  Not recognised: {(preview.unmapped ?? []).join(', ')}. Choose a field for each, or leave it ignored.
                </p>
              )}
              <ColumnMapping
                columns={preview.columns ?? []}
                fields={preview.fields ?? []}
                disabled={busy}
                onChange={(mapping) => runPreview({ ...req, mapping })}
              />
            </section>
          )}
          <ImportPreviewTable key={`${req.fileName}-${previewed}`} preview={preview} />
          <div className="form-actions sticky-actions">
            <button type="button" className="btn btn-primary" disabled={blocked} onClick={doImport}>
              Import {plural(writes, 'member')}
            </button>
            {preview.review > 0 && <span className="muted">Say for each row under "Same person?" who it is.</span>}
            {bad > 0 && !leaveOut && (
              <span className="muted">Fix the rows with problems first, or choose to leave them out.</span>
            )}
            {preview && writes === 0 && bad === 0 && preview.review === 0 && (
              <span className="muted">Nothing to import: everyone in the file is on the board already.</span>
            )}
            {ignored.length > 0 && <span className="muted">Ignored columns: {ignored.join(', ')}</span>}
          </div>
          {importError && (
            <Alert tone="error" title="Import refused">
              {importError}
            </Alert>
          )}
        </>
      )}
    </section>
  )
}
