import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage, type MemberDetail } from '../../../api'

/** Loads one member's detail; reload() after any change. */
export function useMemberDetail(id: number) {
  const [detail, setDetail] = useState<MemberDetail | null>(null)
  const [error, setError] = useState('')
  const reload = useCallback(
    () =>
      api.getMember(id).then(
        (d) => {
          setDetail(d)
          setError('')
        },
        (e) => setError(errorMessage(e)),
      ),
    [id],
  )
  useEffect(() => {
    reload()
  }, [reload])
  return { detail, error, reload }
}
