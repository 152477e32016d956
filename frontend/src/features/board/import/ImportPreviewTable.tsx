import { useState } from 'react'
import type { ImportPreview } from '../../../api'
import { label } from '../labels'
import { plural } from '../../../text'

const MAX_ROWS = 2000

const unitOf = (p: ImportPreview) => (p.format === 'vcard' ? 'Card' : 'Line')

/** The rows with problems, by line number, above everything else. */
export function ImportProblems({ preview }: { preview: ImportPreview }) {
  const bad = (preview.rows ?? []).filter((r) => (r.problems ?? []).length > 0)
  const unit = unitOf(preview)
  if (bad.length === 0) return null
  return (
    <div className="problems" role="alert">
      <p className="alert-title">
        {plural(bad.length, 'row has', 'rows have')} problems. Fix the file and choose it again; nothing is imported
        until every row is valid.
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
  )
}

/** Every parsed row, with each row's problems next to its line number. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const rows = preview.rows ?? []
  const bad = rows.filter((r) => (r.problems ?? []).length > 0)
  const [onlyBad, setOnlyBad] = useState(false)
  const unit = unitOf(preview)
  let shown = onlyBad ? bad : rows
  const capped = shown.length > MAX_ROWS
  if (capped) shown = shown.filter((r, i) => i < MAX_ROWS || (r.problems ?? []).length > 0)

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
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Company</th>
              <th scope="col">Segment</th>
              <th scope="col">Status</th>
              <th scope="col">Tags</th>
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const problems = r.problems ?? []
              const m = r.member
              return (
                <tr key={r.line} className={problems.length ? 'row-invalid' : undefined}>
                  <td className="num">{r.line}</td>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>{m.company}</td>
                  <td>{m.segment}</td>
                  <td>{label(m.status)}</td>
                  <td>{(m.tags ?? []).join(', ')}</td>
                  <td className="problem-cell">
                    {problems.length ? (
                      <ul>
                        {problems.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="ok-text">OK</span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {capped && (
        <p className="muted small">Showing the first {MAX_ROWS.toLocaleString()} rows and every row with a problem.</p>
      )}
    </div>
  )
}
