import { useEffect, useState } from 'react'
import { sessionApi, type FormatInfo } from '../../../api/session'

let cached: FormatInfo[] | null = null

/** The workshop formats with their recommended group sizes (loaded once). */
export function useFormats(): FormatInfo[] {
  const [formats, setFormats] = useState<FormatInfo[]>(cached ?? [])
  useEffect(() => {
    if (cached) return
    sessionApi.formats().then(
      (f) => {
        cached = f
        setFormats(f)
      },
      () => {},
    )
  }, [])
  return formats
}

export function formatLabel(f: FormatInfo): string {
  return `${f.label} (${f.min}–${f.max} people)`
}
