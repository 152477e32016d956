import { useEffect, useRef } from 'react'

/**
 * Puts the caret in a field once it is drawn (an item or note just added,
 * moved, or next to a removed one): focusLater(key) in the handler, and
 * refFor(key) on the fields. Typing elsewhere afterwards keeps its focus.
 */
export function usePendingFocus<T extends HTMLElement>() {
  const pending = useRef('')
  const fields = useRef(new Map<string, T>())
  useEffect(() => {
    if (!pending.current) return
    fields.current.get(pending.current)?.focus()
    pending.current = ''
  })
  return {
    focusLater: (key: string) => {
      pending.current = key
    },
    refFor: (key: string) => (el: T | null) => {
      if (el) fields.current.set(key, el)
      else fields.current.delete(key)
    },
  }
}
