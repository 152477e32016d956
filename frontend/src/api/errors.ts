/**
 * A failed call, as both transports send it: the window (Wails' ErrorFormatter)
 * and browser mode (/rpc) reject with the same JSON, built by store.Describe in Go.
 */
export interface AppError {
  /** A sentence for people ("Name is required."); the wrapped context stays in the log. */
  error: string
  /** not_found, conflict, invalid, locked, busy, disk_full, read_only, internal; unreachable when the server is gone. */
  code: string
  /** For an invalid input: the problem of each field, named as in the input's JSON. */
  fields?: { field?: string; message: string }[]
}

function isAppError(e: unknown): e is AppError {
  return !!e && typeof e === 'object' && 'error' in e && typeof e.error === 'string'
}

/**
 * The AppError of a rejected call, or undefined. The window's runtime (Wails
 * v2.13) wraps what the ErrorFormatter returns in `new Error(…)`, which would
 * turn an object into "[object Object]"; so the formatter sends the JSON as
 * text, and it is read back here.
 */
export function appError(e: unknown): AppError | undefined {
  if (isAppError(e)) return e
  if (e instanceof Error && e.message.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(e.message)
      if (isAppError(parsed)) return parsed
    } catch {
      // An ordinary message that happens to start with a brace.
    }
  }
  return undefined
}

/** The message to show for a rejected call. */
export function errorMessage(e: unknown): string {
  if (typeof e === 'string') return e
  const ae = appError(e)
  if (ae) return ae.error
  if (e instanceof Error) return e.message
  try {
    return JSON.stringify(e)
  } catch {
    return String(e)
  }
}

/** The error code of a rejected call ("" when it carries none). */
export function errorCode(e: unknown): string {
  return appError(e)?.code ?? ''
}

/**
 * Sorts the field problems of a rejected call by the form's fields. Problems
 * of other fields, or of none, and a message without field problems go to `other`.
 */
export function fieldErrors(
  e: unknown,
  fields: readonly string[],
): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {}
  const other: string[] = []
  if (!e) return { byField, other }
  const ae = appError(e)
  if (!ae?.fields?.length) {
    other.push(errorMessage(e))
    return { byField, other }
  }
  for (const { field = '', message } of ae.fields) {
    if (fields.includes(field)) byField[field] = byField[field] ? `${byField[field]}; ${message}` : message
    else other.push(message)
  }
  return { byField, other }
}
