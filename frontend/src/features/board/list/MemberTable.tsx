import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { reportRendered, type Member } from '../../../api'
import { formatDate } from '../../../components/hooks'
import { NoContactIcon, SortIcon } from '../../../components/Icons'
import { href, navigate } from '../../../router'
import { useBoard } from '../BoardContext'
import { label } from '../labels'
import type { SortKey } from '../listState'
import type { MemberPages } from './useMemberPages'
import { isSelected, selectedCount, type SelectionState } from './useSelection'

const ROW_HEIGHT = 52 // three lines of wrapped text, or two of tags

const columns: { key: SortKey | null; title: string }[] = [
  { key: 'name', title: 'Name' },
  { key: 'company', title: 'Company' },
  { key: 'segment', title: 'Segment' },
  { key: 'status', title: 'Status' },
  { key: null, title: 'Tags' },
  { key: 'last_contacted', title: 'Last contacted' },
  { key: null, title: 'Contact' },
]

/** The member list, virtualised: only rows near the viewport are in the DOM. */
export function MemberTable({ pages, total, sel }: { pages: MemberPages; total: number; sel: SelectionState }) {
  const { list, dispatch, reported } = useBoard()
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh each render, never memoised
  const v = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = v.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { ensure, row } = pages

  useEffect(() => {
    if (total > 0) ensure(first, last)
  }, [first, last, total, ensure])

  const drawn = items.filter((it) => row(it.index)).length
  useEffect(() => {
    if (drawn > 0 && !reported.current) {
      reported.current = true
      reportRendered('board', total, drawn)
    }
  }, [drawn, total, reported])

  // A new query starts at the top.
  const queryKey = JSON.stringify(list)
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 })
  }, [queryKey])

  return (
    <div className="mtable" role="table" aria-label="Members" aria-rowcount={total + 1}>
      <div role="rowgroup" className="mtable-head">
        <div role="row" className="mrow" aria-rowindex={1}>
          <div role="columnheader" className="mcell mcell-check">
            <SelectAll sel={sel} total={total} />
          </div>
          {columns.map((c) => {
            const sorted = c.key !== null && list.sort === c.key
            return (
              <div
                key={c.title}
                role="columnheader"
                className="mcell"
                aria-sort={sorted ? (list.desc ? 'descending' : 'ascending') : undefined}
              >
                {c.key ? (
                  <button type="button" className="sort-button" onClick={() => dispatch({ type: 'sort', key: c.key! })}>
                    {c.title}
                    <SortIcon dir={sorted ? (list.desc ? 'desc' : 'asc') : 'none'} />
                  </button>
                ) : (
                  c.title
                )}
              </div>
            )
          })}
        </div>
      </div>
      <div ref={scroller} className="mtable-body" role="rowgroup">
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {items.map((it) => {
            const m = row(it.index)
            const checked = !!m && isSelected(sel.selection, m.id)
            return (
              <div
                key={it.key}
                role="row"
                aria-rowindex={it.index + 2}
                aria-selected={checked}
                className={`mrow${m ? '' : ' mrow-loading'}${m?.archived ? ' mrow-archived' : ''}${checked ? ' mrow-selected' : ''}`}
                style={{ transform: `translateY(${it.start}px)`, height: ROW_HEIGHT }}
                onClick={m ? (e) => openRow(e, m.id) : undefined}
              >
                <div role="cell" className="mcell mcell-check">
                  {m && (
                    // The label fills the cell, so a near miss ticks the box instead of opening the member.
                    <label>
                      <input
                        type="checkbox"
                        aria-label={`Select ${m.name}`}
                        checked={checked}
                        onChange={() => {}}
                        onClick={(e) => sel.click(it.index, e.shiftKey)}
                      />
                    </label>
                  )}
                </div>
                {m ? <MemberCells m={m} /> : <LoadingCells />}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

/** Ticks every member that matches the filter, loaded or not; unticks all. */
function SelectAll({ sel, total }: { sel: SelectionState; total: number }) {
  const n = selectedCount(sel.selection, total)
  return (
    <input
      type="checkbox"
      aria-label={`Select all ${total} that match`}
      checked={n > 0 && n === total}
      ref={(el) => {
        if (el) el.indeterminate = n > 0 && n < total
      }}
      onChange={() => (n === total ? sel.clear() : sel.selectAll())}
    />
  )
}

function openRow(e: React.MouseEvent, id: number) {
  // Let the link, the checkbox, and text selection, behave normally.
  if ((e.target as HTMLElement).closest('a, label') || window.getSelection()?.toString()) return
  navigate(`/board/member/${id}`)
}

function MemberCells({ m }: { m: Member }) {
  const tags = m.tags ?? []
  return (
    <>
      <div role="cell" className="mcell mcell-name">
        <a href={href(`/board/member/${m.id}`)}>
          <bdi>{m.name}</bdi>
        </a>
        {m.archived && <span className="badge badge-muted">Archived</span>}
      </div>
      <div role="cell" className="mcell">
        {m.company}
      </div>
      <div role="cell" className="mcell">
        {m.segment}
      </div>
      <div role="cell" className="mcell">
        <span className={`status status-${m.status}`}>{label(m.status)}</span>
      </div>
      <div role="cell" className="mcell mcell-tags" title={tags.join(', ')}>
        {tags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </div>
      <div role="cell" className="mcell mcell-date">
        {formatDate(m.lastContacted) || <span className="muted">Never</span>}
      </div>
      <div role="cell" className="mcell">
        {!m.canContact && (
          <span className="flag-nocontact" title="No valid contact consent: do not contact">
            <NoContactIcon />
            <span aria-hidden="true">No consent</span>
            <span className="sr-only">No contact consent</span>
          </span>
        )}
      </div>
    </>
  )
}

function LoadingCells() {
  return (
    <>
      {columns.map((c) => (
        <div key={c.title} role="cell" className="mcell">
          <span className="skeleton" />
        </div>
      ))}
    </>
  )
}
