import type { SynthEntry } from '../../../api/session'
import { word } from '../labels'
import { attribution, origin } from './synthesis'
import { TagInput } from './TagInput'

/** One quote, note, idea, observation or answer: what was said, by whom, in which activity, and its themes. */
export function EntryItem({ e, onTag }: { e: SynthEntry; onTag: (id: number, themes: string[]) => Promise<void> }) {
  const quote = e.kind === 'quote'
  return (
    <li className="quote-item entry-item">
      {quote ? (
        <blockquote>
          “<bdi>{e.text}</bdi>”
        </blockquote>
      ) : (
        <p>
          <bdi>{e.text}</bdi>
        </p>
      )}
      <p className="quote-by">
        — <bdi>{attribution(e)}</bdi>{' '}
        <span className="muted small">
          · {word(e.kind)} · <bdi>{origin(e)}</bdi>
        </span>
      </p>
      <TagInput
        key={(e.themes ?? []).join(',')}
        label={`Themes of the ${e.kind} “${e.text.slice(0, 60)}”`}
        themes={e.themes ?? []}
        suggestions="sb-themes"
        onSave={(t) => onTag(e.id, t)}
      />
    </li>
  )
}
