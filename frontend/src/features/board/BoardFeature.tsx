import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import { api, type Segment, type TagCount } from '../../api'
import { PageNotFound } from '../../components/NotFound'
import { href } from '../../router'
import { BoardContext, type BoardCtx } from './BoardContext'
import { ImportPage } from './import/ImportPage'
import { initialList, listReducer } from './listState'
import { MemberList } from './list/MemberList'
import { MemberPage } from './member/MemberPage'
import { NewMemberPage } from './member/NewMemberPage'
import { SegmentsPage } from './segments/SegmentsPage'

const tabs = [
  { path: '', label: 'Members' },
  { path: 'segments', label: 'Segments & composition' },
  { path: 'import', label: 'Import' },
]

/** The advisory board: members, segments, import and export. */
export function BoardFeature({ route }: { route: string[] }) {
  const [list, dispatch] = useReducer(listReducer, initialList)
  const [version, setVersion] = useState(0)
  const [segments, setSegments] = useState<Segment[]>([])
  const [tags, setTags] = useState<TagCount[]>([])
  const reported = useRef(false)
  const changed = useCallback(() => setVersion((v) => v + 1), [])

  useEffect(() => {
    // Filters and forms can live without these; errors show where data is loaded.
    api.listSegments().then(
      (s) => setSegments(s ?? []),
      () => {},
    )
    api.listTags().then(
      (t) => setTags(t ?? []),
      () => {},
    )
  }, [version])

  const ctx = useMemo<BoardCtx>(
    () => ({ segments, tags, version, changed, list, dispatch, reported }),
    [segments, tags, version, changed, list],
  )

  const [page, arg] = route
  const tab = page === 'segments' || page === 'import' ? page : ''

  return (
    <BoardContext.Provider value={ctx}>
      <nav className="subnav" aria-label="Board">
        {tabs.map((t) => (
          <a
            key={t.path}
            href={href(`/board/${t.path}`)}
            aria-current={tab === t.path && page !== 'member' && page !== 'new' ? 'page' : undefined}
          >
            {t.label}
          </a>
        ))}
      </nav>
      {page === 'member' && Number(arg) ? (
        <MemberPage key={arg} id={Number(arg)} />
      ) : page === 'new' ? (
        <NewMemberPage />
      ) : page === 'segments' ? (
        <SegmentsPage />
      ) : page === 'import' ? (
        <ImportPage />
      ) : page ? (
        <PageNotFound path={`/board/${route.join('/')}`} />
      ) : (
        <MemberList />
      )}
    </BoardContext.Provider>
  )
}
