import { useState } from 'react'
import { errorMessage } from '../../../api'
import { parseThemes, themesText } from '../labels'

/** Themes of a quote or note as a comma list, saved on Enter or when leaving the field. */
export function TagInput({
  label,
  themes,
  suggestions,
  onSave,
}: {
  label: string
  themes: string[]
  suggestions: string
  onSave: (themes: string[]) => Promise<void>
}) {
  const [text, setText] = useState(themesText(themes))
  const [saved, setSaved] = useState(themesText(themes))
  const [error, setError] = useState('')
  async function save() {
    const next = themesText(parseThemes(text))
    if (next === saved) return
    setError('')
    try {
      await onSave(parseThemes(text))
      setSaved(next)
      setText(next)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <div className="tag-input">
      <input
        aria-label={label}
        value={text}
        list={suggestions}
        placeholder="Themes, comma separated"
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            void save()
          }
        }}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
