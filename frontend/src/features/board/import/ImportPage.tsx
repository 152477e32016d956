import { useRef, useState } from 'react'
import {
  api,
  errorMessage,
  fileToImportRequest,
  type ImportPreview,
  type ImportRequest,
  type ImportResult,
} from '../../../api'
import { Alert } from '../../../components/Alert'
import { Field } from '../../../components/Field'
import { PageHeader } from '../../../components/PageHeader'
import { href } from '../../../router'
import { useBoard } from '../BoardContext'
import { label } from '../labels'
import { ColumnMapping, mappingOf } from './ColumnMapping'
import { ImportPreviewTable, ImportProblems } from './ImportPreviewTable'
import { plural } from '../../../text'

/** Import members from a CSV or vCard file: preview, map columns, then import. */
export function ImportPage() {
  const { changed } = useBoard()
  const [req, setReq] = useState<ImportRequest | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [showMapping, setShowMapping] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [importError, setImportError] = useState('')
  const [result, setResult] = useState<ImportResult | null>(null)
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
    try {
      await runPreview(await fileToImportRequest(file, null, req?.encoding ?? ''))
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
    const final = columns.length > 0 ? { ...req, mapping: mappingOf(columns) } : req
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

  const rows = preview?.rows ?? []
  const ignored = (preview?.columns ?? []).filter((c) => !c.field || c.field === 'ignore').map((c) => c.header)
  const blocked = !preview || preview.invalid > 0 || rows.length === 0 || busy

  return (
    <section className="page" aria-label="Import members">
      <PageHeader title="Import members" />
      <p className="lead">
        Bring in people from a spreadsheet (CSV) or an address book (vCard). You see every row before anything is
        written, and nothing is imported until every row is valid.
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
        <Alert tone="success" title={`Imported ${plural(result.created, 'member')}`}>
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
              <span className="ok-text">{preview.valid} valid</span> ·{' '}
              <span className={preview.invalid ? 'bad-text' : undefined}>{preview.invalid} with problems</span>
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
          <ImportProblems preview={preview} />
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
              Import {plural(preview.valid, 'member')}
            </button>
            {preview.invalid > 0 && <span className="muted">Fix the rows with problems first.</span>}
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
