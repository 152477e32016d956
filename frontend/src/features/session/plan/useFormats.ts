import { sessionApi, type FormatInfo } from '../../../api/session'
import { useLoadedOnce, type Once } from './useLoadedOnce'

const formats: Once<FormatInfo> = { list: null }

/** The workshop formats with their recommended group sizes (loaded once). */
export function useFormats(): FormatInfo[] {
  return useLoadedOnce(formats, sessionApi.formats)
}

export function formatLabel(f: FormatInfo): string {
  return `${f.label} (${f.min}–${f.max} people)`
}
