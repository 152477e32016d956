import type { ImportColumn } from '../../../api'
import { label } from '../labels'

interface Props {
  columns: ImportColumn[]
  fields: string[]
  onChange: (mapping: Record<string, string>) => void
  disabled?: boolean
}

/** The mapping as the backend takes it: every source column -> field ("" = ignore). */
export function mappingOf(columns: ImportColumn[]): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c.header, c.field === 'ignore' ? '' : (c.field ?? '')]))
}

/** One select per source column: which member field it fills, or Ignore. */
export function ColumnMapping({ columns, fields, onChange, disabled }: Props) {
  const change = (header: string, field: string) => onChange({ ...mappingOf(columns), [header]: field })
  return (
    <table className="table mapping-table">
      <caption className="sr-only">Column mapping</caption>
      <thead>
        <tr>
          <th scope="col">Column in the file</th>
          <th scope="col">Example</th>
          <th scope="col">Becomes</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => (
          <tr key={c.header} className={c.field ? '' : 'row-unmapped'}>
            <th scope="row">{c.header || <span className="muted">(no header)</span>}</th>
            <td className="muted sample">{c.sample}</td>
            <td>
              <select
                aria-label={`Field for column ${c.header}`}
                value={c.field === 'ignore' ? '' : (c.field ?? '')}
                disabled={disabled}
                onChange={(e) => change(c.header, e.target.value)}
              >
                <option value="">Ignore</option>
                {fields
                  .filter((f) => f && f !== 'ignore')
                  .map((f) => (
                    <option key={f} value={f}>
                      {label(f)}
                    </option>
                  ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
