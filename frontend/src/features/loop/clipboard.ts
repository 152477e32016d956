/**
 * Copies text: the async Clipboard API where the page may use it, else a
 * hidden textarea and execCommand (older WebKitGTK, non-secure origins).
 * Resolves to whether the text was copied.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Denied or unavailable: try the old way.
  }
  const ta = doc.createElement('textarea')
  ta.value = text
  ta.setAttribute('readonly', '')
  ta.style.position = 'fixed'
  ta.style.opacity = '0'
  doc.body.appendChild(ta)
  const active = doc.activeElement as HTMLElement | null
  ta.focus()
  ta.select()
  let ok = false
  try {
    ok = doc.execCommand?.('copy') ?? false
  } catch {
    ok = false
  }
  ta.remove()
  active?.focus?.()
  return ok
}
