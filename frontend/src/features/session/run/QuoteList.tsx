import { useEffect, useRef } from 'react'

interface Props {
  /** Who said them. */
  name: string
  quotes: { key: string; text: string }[]
  /** Key of a quote just added, to put the caret in it. */
  focusKey: string | null
  onChange: (key: string, text: string) => void
  onRemove: (key: string) => void
  onAdd: () => void
}

/** One person's quotes, verbatim: edit, remove, add (the caret lands in the new one). */
export function QuoteList({ name, quotes, focusKey, onChange, onRemove, onAdd }: Props) {
  const quoteRef = useRef<HTMLTextAreaElement>(null)
  const addRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    // Only when a quote was just added: typing elsewhere must keep its focus.
    if (focusKey) quoteRef.current?.focus()
  }, [focusKey])
  return (
    <>
      {quotes.length > 0 && (
        <ul className="quote-list">
          {quotes.map((q, i) => (
            <li key={q.key}>
              <textarea
                ref={q.key === focusKey ? quoteRef : undefined}
                rows={2}
                aria-label={`Quote ${i + 1} from ${name}`}
                value={q.text}
                placeholder="Their words, verbatim"
                onChange={(e) => onChange(q.key, e.target.value)}
              />
              <button
                type="button"
                className="btn btn-small btn-quiet"
                onClick={() => {
                  onRemove(q.key)
                  addRef.current?.focus() // the focused button goes away with its quote
                }}
              >
                Remove
                <span className="sr-only">
                  {' '}
                  quote {i + 1} from {name}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button ref={addRef} type="button" className="btn btn-small" onClick={onAdd}>
        Add quote<span className="sr-only"> from {name}</span>
      </button>
    </>
  )
}
