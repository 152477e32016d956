import { useEffect, useState } from 'react'

/** Where a list loaded once is kept for the life of the page. */
export interface Once<T> {
  list: T[] | null
}

/**
 * A list that does not change while the app runs (the formats, their
 * agendas), loaded by the first component that asks and kept in cache.
 */
export function useLoadedOnce<T>(cache: Once<T>, load: () => Promise<T[]>): T[] {
  const [list, setList] = useState<T[]>(cache.list ?? [])
  useEffect(() => {
    if (cache.list) return
    load().then(
      (l) => {
        cache.list = l
        setList(l)
      },
      () => {},
    )
  }, [cache, load])
  return list
}
