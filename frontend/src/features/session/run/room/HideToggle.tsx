import type { LocalEntry } from '../../agenda/entries'

/**
 * Hides a participant's entry from the room and the projector, or shows it
 * again. It stays in the session, its synthesis and reports.
 */
export function HideToggle({
  entry,
  what,
  onHide,
}: {
  entry: LocalEntry | undefined
  /** What the entry is, for a screen reader ("note 2 in Buy"). */
  what: string
  onHide: (key: string, hidden: boolean) => void
}) {
  if (!entry?.id) return null
  return (
    <>
      {entry.hidden && <span className="muted small room-hidden-note">hidden from the room</span>}
      <button
        type="button"
        className="btn btn-small btn-quiet"
        aria-pressed={!!entry.hidden}
        onClick={() => onHide(entry.key, !entry.hidden)}
      >
        {entry.hidden ? 'Show' : 'Hide'}
        <span className="sr-only"> {what} in the room</span>
      </button>
    </>
  )
}
