import { useEffect, useMemo, useState } from 'react'
import { api, errorMessage, type BulkResult } from '../../../api'
import { Alert } from '../../../components/Alert'
import { useDebounced } from '../../../components/hooks'
import { PlusIcon, SearchIcon } from '../../../components/Icons'
import { PageHeader } from '../../../components/PageHeader'
import { navigate } from '../../../router'
import { useBoard } from '../BoardContext'
import { hasFilters, toQuery } from '../listState'
import { EmptyBoard } from './EmptyBoard'
import { ExportMenu } from './ExportMenu'
import { MemberFilters } from './MemberFilters'
import { MemberTable } from './MemberTable'
import { useMemberPages } from './useMemberPages'
import { BulkEditPanel } from './BulkEditPanel'
import { selectedCount, useSelection } from './useSelection'
import { plural } from '../../../text'

/** The board: search, filters, the member list and its count. */
export function MemberList() {
  const { list, dispatch, version, changed } = useBoard()
  const [text, setText] = useState(list.search)
  const search = useDebounced(text, 120)
  useEffect(() => {
    // Only when the debounced text changes: "Clear filters" resets both at once.
    dispatch({ type: 'search', value: search })
  }, [search, dispatch])

  const query = useMemo(() => toQuery(list), [list])
  const pages = useMemberPages(query, version)
  const filtered = hasFilters(list)
  const total = pages.total
  const sel = useSelection(JSON.stringify(query), pages.row)
  const selected = selectedCount(sel.selection, total ?? 0)
  const [editing, setEditing] = useState(false)
  // The last bulk edit's outcome, with its undo while it can still be undone.
  const [done, setDone] = useState<{ result: BulkResult; undone: boolean } | null>(null)
  const [undoError, setUndoError] = useState('')

  function finished(result: BulkResult) {
    setDone({ result, undone: false })
    setUndoError('')
    setEditing(false)
    sel.clear()
    changed()
  }
  async function undo(id: number) {
    try {
      const result = await api.undoBulkEdit(id)
      setDone({ result, undone: true })
      setUndoError('')
      changed()
    } catch (e) {
      setUndoError(errorMessage(e))
    }
  }

  if (total === 0 && !filtered) {
    return (
      <section className="page" aria-label="Board">
        <PageHeader title="Board" />
        <EmptyBoard />
      </section>
    )
  }

  return (
    <section className="page page-fill" aria-label="Board">
      <PageHeader
        title="Board"
        meta={
          <span aria-live="polite">
            {total === null ? 'Loading members…' : plural(total, 'member')}
            {filtered && total !== null && ' match'}
          </span>
        }
      >
        <ExportMenu query={query} disabled={!total} />
        <button type="button" className="btn btn-primary" onClick={() => navigate('/board/new')}>
          <PlusIcon /> Add member
        </button>
      </PageHeader>
      <div className="toolbar">
        <div className="search">
          <SearchIcon />
          <input
            type="search"
            aria-label="Search members"
            placeholder="Search name, email, company, notes, tags"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <MemberFilters />
        {filtered && (
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => {
              setText('')
              dispatch({ type: 'clear' })
            }}
          >
            Clear filters
          </button>
        )}
      </div>
      {done && (
        <div className="bulk-notice" role="status">
          <span>{done.result.message}</span>
          {!done.undone && done.result.editId > 0 && (
            <button type="button" className="btn" onClick={() => undo(done.result.editId)}>
              Undo
            </button>
          )}
          <button type="button" className="btn btn-quiet" onClick={() => setDone(null)}>
            Dismiss
          </button>
          {undoError && <span className="error-text">{undoError}</span>}
        </div>
      )}
      {selected > 0 && total !== null && (
        <div className="bulk-bar" role="region" aria-label="Selection">
          <span>
            {plural(selected, 'member')} selected
            {sel.selection.all && ' (all that match)'}
          </span>
          {!sel.selection.all && selected < total && (
            <button type="button" className="btn btn-quiet" onClick={sel.selectAll}>
              Select all {total} that match
            </button>
          )}
          <button type="button" className="btn btn-quiet" onClick={sel.clear}>
            Clear selection
          </button>
          {!editing && (
            <button type="button" className="btn btn-primary" onClick={() => setEditing(true)}>
              Edit selected
            </button>
          )}
        </div>
      )}
      {editing && selected > 0 && (
        <BulkEditPanel
          selection={sel.selection}
          query={query}
          count={selected}
          onDone={finished}
          onCancel={() => setEditing(false)}
        />
      )}
      {pages.error && (
        <Alert tone="error" title="The member list could not be loaded">
          {pages.error}
        </Alert>
      )}
      {total === 0 ? (
        <p className="empty-filtered">No members match these filters.</p>
      ) : (
        total !== null && <MemberTable pages={pages} total={total} sel={sel} />
      )}
    </section>
  )
}
