// Pages of the member list, fetched with limit/offset as rows scroll into
// view. While a new query loads, the previous rows stay on screen, so typing
// in the search box never flashes an empty list.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { api, errorMessage, type Member, type MemberQuery } from '../../../api'

export const PAGE_SIZE = 200

interface Data {
  key: string
  total: number | null
  pages: Record<number, Member[]>
}

export interface MemberPages {
  total: number | null
  row: (i: number) => Member | undefined
  /** Loads the pages covering rows first..last, if not loaded yet. */
  ensure: (first: number, last: number) => void
  loading: boolean
  error: string
}

export function useMemberPages(query: MemberQuery, version: number, pageSize = PAGE_SIZE): MemberPages {
  const key = `${JSON.stringify(query)}|${version}`
  const [data, setData] = useState<Data>({ key: '', total: null, pages: {} })
  const [error, setError] = useState('')
  // The newest key, so an answer for an older query is dropped.
  const current = useRef(key)
  const requested = useRef(new Set<string>())
  useLayoutEffect(() => {
    current.current = key
  })

  const load = useCallback(
    (page: number) => {
      const id = `${key}#${page}`
      if (requested.current.has(id)) return
      requested.current.add(id)
      api.listMembers({ ...query, limit: pageSize, offset: page * pageSize }).then(
        (res) => {
          if (current.current !== key) return
          setError('')
          setData((d) =>
            d.key === key
              ? { ...d, total: res.total, pages: { ...d.pages, [page]: res.members ?? [] } }
              : { key, total: res.total, pages: { [page]: res.members ?? [] } },
          )
        },
        (e) => {
          requested.current.delete(id)
          if (current.current === key) setError(errorMessage(e))
        },
      )
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key describes query; an equal new query must not fetch again
    [key, pageSize],
  )

  useEffect(() => {
    requested.current.clear()
    load(0)
  }, [load])

  const fresh = data.key === key
  const ensure = useCallback(
    (first: number, last: number) => {
      if (!fresh) return
      for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) {
        if (!data.pages[p]) load(p)
      }
    },
    [fresh, data.pages, load, pageSize],
  )

  const row = useCallback((i: number) => data.pages[Math.floor(i / pageSize)]?.[i % pageSize], [data.pages, pageSize])

  return { total: data.total, row, ensure, loading: !fresh, error }
}
