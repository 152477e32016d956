import { useEffect, useMemo, useState } from 'react'
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
import { plural } from '../../../text'

/** The board: search, filters, the member list and its count. */
export function MemberList() {
  const { list, dispatch, version } = useBoard()
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
      {pages.error && (
        <Alert tone="error" title="The member list could not be loaded">
          {pages.error}
        </Alert>
      )}
      {total === 0 ? (
        <p className="empty-filtered">No members match these filters.</p>
      ) : (
        total !== null && <MemberTable pages={pages} total={total} />
      )}
    </section>
  )
}
