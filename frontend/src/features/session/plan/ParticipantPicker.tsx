import { useState } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type Candidate, type Picker } from '../../../api/session'
import { formatDate } from '../../../components/hooks'
import { NoContactIcon, WarningIcon } from '../../../components/Icons'
import { href } from '../../../router'
import { matchesSearch } from '../../../search'
import { plural } from '../../../text'
import { label } from '../../board/labels'

/** The picker's name for members without a segment (the backend's noSegmentLabel). */
const NO_SEGMENT = '(no segment)'

/** How a candidate fits as a co-creator, in a few words: "Weekly · articulate 4/5 · Balanced". */
export function fitSignals(c: Pick<Candidate, 'usage' | 'articulation' | 'tone'>): string {
  const out: string[] = []
  if (c.usage) out.push(`Uses ${c.usage === 'never' ? 'never' : c.usage}`)
  if (c.articulation > 0) out.push(`articulate ${c.articulation}/5`)
  if (c.tone) out.push(label(c.tone))
  return out.join(' · ')
}

/** Whether a candidate matches the search words (name, company, segment), folded as member search folds them. */
export function matches(c: Pick<Candidate, 'name' | 'company' | 'segment'>, query: string): boolean {
  return matchesSearch(`${c.name} ${c.company} ${c.segment}`, query)
}

/**
 * Choose participants from the board: search, a segment filter, and per
 * member what tells whether they fit (usage, articulation, tone, last
 * session), with the segment balance and size advice. A member without
 * contact consent can't be chosen; the row says so and links to where
 * consent is recorded.
 */
export function ParticipantPicker({
  sessionId,
  picker,
  onChange,
}: {
  sessionId: number
  picker: Picker
  onChange: () => Promise<void>
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [onlyContact, setOnlyContact] = useState(false)
  const [query, setQuery] = useState('')
  const [segment, setSegment] = useState('')
  // Shown at once; the server's answer replaces it.
  const [pending, setPending] = useState<Record<number, boolean>>({})
  const candidates = (picker.candidates ?? []).map((c) =>
    c.memberId in pending ? { ...c, selected: pending[c.memberId] } : c,
  )
  const selected = candidates.filter((c) => c.selected)
  const shown = candidates.filter(
    (c) =>
      (!onlyContact || c.canContact || c.selected) &&
      (segment === '' || (c.segment || NO_SEGMENT) === segment) &&
      matches(c, query.trim()),
  )
  const segments = picker.segments ?? []

  async function toggle(c: Candidate) {
    setBusy(true)
    setError('')
    setPending((p) => ({ ...p, [c.memberId]: !c.selected }))
    const ids = c.selected
      ? selected.filter((x) => x.memberId !== c.memberId).map((x) => x.memberId)
      : [...selected.map((x) => x.memberId), c.memberId]
    try {
      await sessionApi.setParticipants(sessionId, ids)
      await onChange()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setPending({})
      setBusy(false)
    }
  }

  return (
    <section className="card picker" aria-labelledby="picker-title">
      <div className="picker-head">
        <div>
          <h2 id="picker-title">Choose participants</h2>
          <p className="picker-size">
            <strong>{plural(selected.length, 'person', 'people')} chosen</strong>
            <span className="muted">
              {' '}
              · recommended {picker.min}–{picker.max}
            </span>
          </p>
          {picker.advice && (
            <p className="advice" role="status">
              {picker.advice}
            </p>
          )}
        </div>
        {segments.length > 0 && (
          <div>
            <h3 className="small-heading">Segment balance</h3>
            <ul className="segment-balance" aria-label="Chosen people by segment">
              {segments.map((s) => (
                <li key={s.segment} className={s.selected === 0 ? 'is-empty' : undefined}>
                  <span>{s.segment === NO_SEGMENT ? 'No segment' : s.segment}</span>
                  <span className="num">
                    {s.selected} <span className="muted">of {s.board}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="picker-filters">
        <input
          type="search"
          aria-label="Search the board"
          placeholder="Search name, company or segment"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select aria-label="Segment" value={segment} onChange={(e) => setSegment(e.target.value)}>
          <option value="">All segments</option>
          {segments.map((s) => (
            <option key={s.segment} value={s.segment}>
              {s.segment === NO_SEGMENT ? 'No segment' : s.segment}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={onlyContact} onChange={(e) => setOnlyContact(e.target.checked)} />
          Only people with contact consent
        </label>
        <span className="muted small" role="status">
          {shown.length === candidates.length
            ? plural(candidates.length, 'member')
            : `${shown.length} of ${plural(candidates.length, 'member')}`}
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="picker-scroll">
        <table className="table picker-table" aria-label="Board members to choose from">
          <thead>
            <tr>
              <th scope="col" className="picker-check">
                <span className="sr-only">Chosen</span>
              </th>
              <th scope="col">Member</th>
              <th scope="col">Fit</th>
              <th scope="col">Last session</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => {
              const blocked = !c.canContact && !c.selected
              const describedBy = [blocked && `why-${c.memberId}`, c.warning && `warn-${c.memberId}`].filter(Boolean)
              return (
                <tr key={c.memberId} className={c.selected ? 'is-chosen' : blocked ? 'is-blocked' : undefined}>
                  <td className="picker-check">
                    <input
                      type="checkbox"
                      checked={c.selected}
                      disabled={busy || blocked}
                      onChange={() => toggle(c)}
                      aria-label={`Choose ${c.name}`}
                      aria-describedby={describedBy.join(' ') || undefined}
                    />
                  </td>
                  <th scope="row">
                    <bdi className="picker-name">{c.name}</bdi>
                    <span className="muted small picker-org">
                      {[c.company, c.segment || 'No segment', label(c.status)].filter(Boolean).join(' · ')}
                    </span>
                    {!c.canContact && (
                      <span className="flag-nocontact" id={`why-${c.memberId}`}>
                        <NoContactIcon /> No contact consent
                        {blocked ? ': can’t be invited until it is recorded.' : '.'}{' '}
                        <a href={href(`/board/member/${c.memberId}`)} aria-label={`Record consent for ${c.name}`}>
                          Record consent
                        </a>
                      </span>
                    )}
                  </th>
                  <td className="picker-fit">{fitSignals(c) || <span className="muted">Not rated</span>}</td>
                  <td>
                    {c.lastSession ? formatDate(c.lastSession) : <span className="muted">Never</span>}
                    {c.sessionsCount > 0 && (
                      <span className="muted small"> ({plural(c.sessionsCount, 'session')})</span>
                    )}
                    {c.warning && (
                      <span className="picker-warning" id={`warn-${c.memberId}`}>
                        <WarningIcon /> {c.warning}
                      </span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {shown.length === 0 && <p className="muted">No member matches.</p>}
      </div>
    </section>
  )
}
