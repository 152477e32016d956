/** The message to show for a rejected call: Wails and the shim reject with strings. */
export function errorMessage(e: unknown): string {
  if (typeof e === 'string') return e
  if (e instanceof Error) return e.message
  if (e && typeof e === 'object' && 'error' in e && typeof e.error === 'string') return e.error
  try {
    return JSON.stringify(e)
  } catch {
    return String(e)
  }
}

/**
 * Splits a validation message ("name is required; email \"x\" is not a valid
 * address") into per-field messages. Parts naming no known field go to `other`.
 */
export function fieldErrors(message: string, fields: readonly string[]): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {}
  const other: string[] = []
  const aliases: Record<string, string> = { tag: 'tags' }
  for (const raw of message.split('; ')) {
    const part = raw.trim()
    if (!part) continue
    // Tolerate a wrapping prefix such as "update member: ".
    const body = part.replace(/^[a-z ]+: (?=\w)/i, (m) => (fields.includes(m.split(' ')[0]) ? m : ''))
    const first = body.split(/[\s:]/)[0]
    const field = aliases[first] ?? first
    if (fields.includes(field)) {
      byField[field] = byField[field] ? `${byField[field]}; ${body}` : body
    } else {
      other.push(part)
    }
  }
  return { byField, other }
}
