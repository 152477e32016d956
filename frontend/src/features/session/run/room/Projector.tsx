import { useEffect, useRef } from 'react'
import type { Activity } from '../../../../api/activity'
import type { LocalEntry } from '../../agenda/entries'
import { projectorData } from './tally'

interface Props {
  /** The join address and its QR code; none while the room is closed. */
  url: string
  qr: string
  activity: Activity | undefined
  entries: LocalEntry[]
  /** The assumption check shows one assumption: its item and sentence. */
  itemId?: number
  sentence?: string
  onClose: () => void
}

/** The address as people type it: without the scheme. */
const shortUrl = (url: string) => url.replace(/^https?:\/\//, '')

/**
 * The projector: the whole window for what the room may see. The QR code
 * and address to join, the activity on screen, live counts, and notes or
 * ideas without names, their words only once the activity is revealed.
 * Escape or the button returns to the run.
 */
export function Projector({ url, qr, activity: a, entries, itemId = 0, sentence, onClose }: Props) {
  const back = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    back.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  const d = a ? projectorData(a, entries, itemId) : null
  return (
    <div className="projector" role="dialog" aria-modal="true" aria-label="Projector">
      <button ref={back} type="button" className="btn btn-small projector-back" onClick={onClose}>
        Back to the run
      </button>
      <div className="projector-join">
        {qr && <img className="projector-qr" src={qr} alt="QR code of the join address" />}
        {url && <p className="projector-url">{shortUrl(url)}</p>}
      </div>
      {a && d && (
        <div className="projector-activity">
          <h2>{a.title}</h2>
          {sentence && <p className="projector-sentence">{sentence}</p>}
          {a.prompt && <p className="projector-prompt">{a.prompt}</p>}
          {d.tallies.map((t) => (
            <section key={t.itemId} className="projector-tally" aria-label={t.label || 'Counts'}>
              {t.label && <h3>{t.label}</h3>}
              <ul>
                {t.counts.map((c) => (
                  <li key={c.label}>
                    <span>{c.label}</span> <strong>{c.n}</strong>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {d.noteCount > 0 &&
            (a.revealed ? (
              <ol className="projector-notes" aria-label="Notes">
                {d.notes.map((n) => (
                  <li key={n.id}>
                    <span>{n.text}</span>
                    <span className="projector-meta">
                      {n.column && ` · ${n.column}`}
                      {n.dots > 0 && ` · ${n.dots === 1 ? '1 dot' : `${n.dots} dots`}`}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="projector-count">
                {d.noteCount === 1 ? '1 contribution so far' : `${d.noteCount} contributions so far`}
              </p>
            ))}
        </div>
      )}
    </div>
  )
}
