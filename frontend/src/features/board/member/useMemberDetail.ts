import { useCallback, useEffect, useState } from 'react'
import { api, errorCode, errorMessage, type MemberDetail } from '../../../api'

/** Loads one member's detail; reload() after any change. missing: there is no such member. */
export function useMemberDetail(id: number) {
  const [detail, setDetail] = useState<MemberDetail | null>(null)
  const [error, setError] = useState('')
  const [missing, setMissing] = useState(false)
  const reload = useCallback(
    () =>
      api.getMember(id).then(
        (d) => {
          setDetail(d)
          setError('')
          setMissing(false)
        },
        (e) => {
          setError(errorMessage(e))
          setMissing(errorCode(e) === 'not_found')
        },
      ),
    [id],
  )
  useEffect(() => {
    reload()
  }, [reload])
  return { detail, error, missing, reload }
}
