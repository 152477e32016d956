import { useState } from 'react'
import { api, errorMessage, type Segment } from '../../../api'
import { PageHeader } from '../../../components/PageHeader'
import { useBoard } from '../BoardContext'
import { CompositionView } from './CompositionView'
import { SegmentForm, shareToPercent } from './SegmentForm'

/** Segments (CRUD) and the board's composition across them. */
export function SegmentsPage() {
  const { segments, changed } = useBoard()
  const [editing, setEditing] = useState<Segment | null>(null)
  const [confirm, setConfirm] = useState<number | null>(null)
  const [error, setError] = useState('')

  async function remove(s: Segment) {
    setError('')
    try {
      await api.deleteSegment(s.id)
      setConfirm(null)
      if (editing?.id === s.id) setEditing(null)
      changed()
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <section className="page" aria-label="Segments and composition">
      <PageHeader title="Segments & composition" />
      <CompositionView />
      <h2 className="section-title">Segments</h2>
      <div className="segments-layout">
        <div>
          {segments.length === 0 ? (
            <p className="muted">No segments yet. Add the parts of your market the board should hear from.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="num">
                    Target
                  </th>
                  <th scope="col" className="num">
                    Members
                  </th>
                  <th scope="col" className="num">
                    Active
                  </th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {segments.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.name}</th>
                    <td className="muted">{s.description}</td>
                    <td className="num">{s.targetShare ? `${shareToPercent(s.targetShare)} %` : '—'}</td>
                    <td className="num">{s.members}</td>
                    <td className="num">{s.active}</td>
                    <td className="row-actions">
                      {confirm === s.id ? (
                        <>
                          <button type="button" className="btn btn-small btn-danger" onClick={() => remove(s)}>
                            Delete {s.name}
                          </button>
                          <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirm(null)}>
                            Keep
                          </button>
                        </>
                      ) : (
                        <>
                          <button type="button" className="btn btn-small" onClick={() => setEditing(s)}>
                            Edit<span className="sr-only"> {s.name}</span>
                          </button>
                          <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirm(s.id)}>
                            Delete<span className="sr-only"> {s.name}</span>
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {confirm !== null && (
            <p className="muted small" role="status">
              Members of a deleted segment stay on the board without a segment.
            </p>
          )}
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
        </div>
        <SegmentForm
          key={editing?.id ?? 'new'}
          segment={editing}
          onDone={() => {
            setEditing(null)
            changed()
          }}
          onCancel={editing ? () => setEditing(null) : undefined}
        />
      </div>
    </section>
  )
}
