import { useState } from 'react'
import type { ImportChange, ImportPreview, ImportRow } from '../../../api'
import { label } from '../labels'
import { plural } from '../../../text'

const MAX_ROWS = 2000

const unitOf = (p: ImportPreview) => (p.format === 'vcard' ? 'Card' : 'Line')

/** What the import does with a row, in words. */
const statusWords: Record<string, string> = {
  new: 'New',
  update: 'Update',
  unchanged: 'Unchanged',
  skip: 'Skip: on the board',
  review: 'Same person?',
  refused: 'Refused',
  invalid: 'Problem',
}

/** A row that cannot be imported: it has problems, or is refused. */
export const isBad = (r: ImportRow) => r.status === 'invalid' || r.status === 'refused'

const changeText = (c: ImportChange) =>
  c.from ? `${label(c.field)}: ${c.from} → ${c.to}` : `${label(c.field)}: ${c.to}`

/** Every parsed row: what the import does with it, and why. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const rows = preview.rows ?? []
  const bad = rows.filter(isBad)
  const [onlyBad, setOnlyBad] = useState(false)
  const unit = unitOf(preview)
  let shown = onlyBad ? bad : rows
  const capped = shown.length > MAX_ROWS
  if (capped) shown = shown.filter((r, i) => i < MAX_ROWS || isBad(r) || r.status === 'update')

  return (
    <div className="preview">
      {bad.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={onlyBad} onChange={(e) => setOnlyBad(e.target.checked)} />
          Show only rows with problems
        </label>
      )}
      <div className="table-scroll preview-scroll">
        <table className="table preview-table">
          <caption className="sr-only">Rows to import</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {unit}
              </th>
              <th scope="col">Import</th>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Company</th>
              <th scope="col">Segment</th>
              <th scope="col">Status</th>
              <th scope="col">Tags</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const m = r.member
              return (
                <tr key={r.line} className={isBad(r) ? 'row-invalid' : undefined}>
                  <td className="num">{r.line}</td>
                  <td>{statusWords[r.status] ?? r.status}</td>
                  <td>
                    <bdi>{m.name}</bdi>
                  </td>
                  <td>{m.email}</td>
                  <td>{m.company}</td>
                  <td>{m.segment}</td>
                  <td>{label(m.status)}</td>
                  <td>{(m.tags ?? []).join(', ')}</td>
                  <td className="problem-cell">
                    <RowDetails row={r} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {capped && (
        <p className="muted small">
          Showing the first {MAX_ROWS.toLocaleString()} rows and every row with a problem or an update.
        </p>
      )}
    </div>
  )
}

function RowDetails({ row }: { row: ImportRow }) {
  const problems = row.problems ?? []
  const changes = row.changes ?? []
  const lines = problems.length ? problems : changes.map(changeText)
  if (row.status === 'review') lines.push(`Same name and company as ${row.match.name} on the board`)
  if (lines.length === 0) return <span className="ok-text">OK</span>
  return (
    <ul>
      {lines.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  )
}

/** The rows that cannot be imported, by line number, above everything else. */
export function ImportProblems({
  preview,
  leaveOut,
  onLeaveOut,
  onSaveRowsToFix,
  saved,
}: {
  preview: ImportPreview
  leaveOut: boolean
  onLeaveOut: (on: boolean) => void
  onSaveRowsToFix: () => void
  saved: string
}) {
  const bad = (preview.rows ?? []).filter(isBad)
  const unit = unitOf(preview)
  if (bad.length === 0) return null
  return (
    <div className="problems">
      <div role="alert">
        <p className="alert-title">
          {plural(bad.length, 'row', 'rows')} can't be imported. Fix the file and choose it again, or import the other
          rows and leave {bad.length === 1 ? 'it' : 'them'} out.
        </p>
        <ul>
          {bad.slice(0, 20).map((r) => (
            <li key={r.line}>
              {unit} {r.line}: {(r.problems ?? []).join('; ')}
            </li>
          ))}
          {bad.length > 20 && <li>…and {bad.length - 20} more, marked in the table below.</li>}
        </ul>
      </div>
      <div className="form-actions">
        {preview.invalid > 0 && (
          <button type="button" className="btn btn-small" onClick={onSaveRowsToFix}>
            Save the {plural(preview.invalid, 'row', 'rows')} to fix (CSV)
          </button>
        )}
        <label className="check">
          <input type="checkbox" checked={leaveOut} onChange={(e) => onLeaveOut(e.target.checked)} />
          Import the other rows and leave {bad.length === 1 ? 'this one' : `these ${bad.length}`} out
        </label>
      </div>
      {saved && (
        <p className="muted" role="status">
          {saved}
        </p>
      )}
    </div>
  )
}

/** Rows with the name and company of a member but another email: the user says whether each is that person. */
export function ImportReview({
  preview,
  decided,
  onDecide,
  disabled,
}: {
  preview: ImportPreview
  decided: (line: number) => boolean | undefined
  onDecide: (row: ImportRow, same: boolean) => void
  disabled: boolean
}) {
  const rows = (preview.rows ?? []).filter((r) => r.match?.by === 'name_company')
  if (rows.length === 0) return null
  const unit = unitOf(preview)
  const email = (e: string) => e || 'no email'
  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">Same person?</h2>
      <p className="muted">
        {plural(rows.length, 'row has', 'rows have')} the name and company of someone on the board, but another email.
        Say for each whether it is the same person (updated or skipped like the others) or a new one.
      </p>
      {rows.map((r) => {
        const same = decided(r.line)
        return (
          <fieldset key={r.line} className="review-row">
            <legend>
              {unit} {r.line}: {r.member.name} ({email(r.member.email)}) · on the board: {r.match.name} (
              {email(r.match.email)}){r.match.archived ? ', archived' : ''}
            </legend>
            <label className="check">
              <input
                type="radio"
                name={`same-${r.line}`}
                checked={same === true}
                disabled={disabled}
                onChange={() => onDecide(r, true)}
              />
              Same person
            </label>
            <label className="check">
              <input
                type="radio"
                name={`same-${r.line}`}
                checked={same === false}
                disabled={disabled}
                onChange={() => onDecide(r, false)}
              />
              New person
            </label>
          </fieldset>
        )
      })}
    </section>
  )
}
