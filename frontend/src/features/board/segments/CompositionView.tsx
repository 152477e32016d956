import { useEffect, useState } from 'react'
import { api, errorMessage, type Composition } from '../../../api'
import { Alert } from '../../../components/Alert'
import { useBoard } from '../BoardContext'
import { label, tones } from '../labels'
import { shareToPercent } from './SegmentForm'

const pct = (share: number) => (share ? `${shareToPercent(share)} %` : '—')

/** Active members against the ideal range, tone balance, segment × status. */
export function CompositionView() {
  const { version } = useBoard()
  const [c, setC] = useState<Composition | null>(null)
  const [error, setError] = useState('')

  useEffect(() => {
    api.composition().then(
      (r) => {
        setC(r)
        setError('')
      },
      (e) => setError(errorMessage(e)),
    )
  }, [version])

  if (error)
    return (
      <Alert tone="error" title="The composition could not be computed">
        {error}
      </Alert>
    )
  if (!c) return <p className="muted">Loading composition…</p>

  const [lo, hi] = c.idealRange ?? [10, 15]
  const warnings = c.warnings ?? []
  const statuses = c.statuses ?? []
  const rows = c.rows ?? []
  const toneCounts = c.tones ?? {}
  const toneTotal = Object.values(toneCounts).reduce((a, b) => a + b, 0)
  const range = c.active < lo ? 'below' : c.active > hi ? 'above' : 'within'

  return (
    <div className="composition">
      {warnings.length > 0 && (
        <Alert
          tone="warning"
          title={warnings.length === 1 ? 'One thing to look at' : `${warnings.length} things to look at`}
        >
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="stats">
        <div className={`stat stat-${range}`}>
          <span className="stat-label">Active members</span>
          <span className="stat-value">{c.active}</span>
          <span className="stat-note">
            Ideal {lo}–{hi}:{' '}
            {range === 'within'
              ? 'within range'
              : range === 'below'
                ? `${lo - c.active} short`
                : `${c.active - hi} over`}
          </span>
          <meter
            min={0}
            max={Math.max(hi + 5, c.active)}
            low={lo}
            high={hi}
            optimum={(lo + hi) / 2}
            value={c.active}
            aria-label="Active members against the ideal range"
          />
        </div>
        <div className="stat">
          <span className="stat-label">On the board</span>
          <span className="stat-value">{c.total}</span>
          <span className="stat-note">current members, any status</span>
        </div>
        <div className="stat stat-wide">
          <span className="stat-label">Tone of active members</span>
          <ToneBar counts={toneCounts} total={toneTotal} />
        </div>
      </div>
      <div className="table-scroll">
        <table className="table composition-table">
          <caption className="sr-only">Members by segment and status</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              {statuses.map((s) => (
                <th key={s} scope="col" className="num">
                  {label(s)}
                </th>
              ))}
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col" className="num">
                Active share
              </th>
              <th scope="col" className="num">
                Target
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.segmentId}>
                <th scope="row">{r.segment}</th>
                {statuses.map((s) => (
                  <td key={s} className={`num${r.byStatus?.[s] ? '' : ' zero'}`}>
                    {r.byStatus?.[s] ?? 0}
                  </td>
                ))}
                <td className="num strong">{r.total}</td>
                <td className="num">{pct(r.activeShare)}</td>
                <td className="num">{pct(r.targetShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function ToneBar({ counts, total }: { counts: Record<string, number>; total: number }) {
  const keys = [...tones, ''] as string[]
  if (total === 0) return <span className="stat-note">No active members rated yet.</span>
  return (
    <>
      <div className="tonebar" aria-hidden="true">
        {keys.map((k) =>
          counts[k] ? (
            <span key={k || 'unrated'} className={`tone-${k || 'unrated'}`} style={{ flexGrow: counts[k] }} />
          ) : null,
        )}
      </div>
      <ul className="tone-legend">
        {keys.map((k) => (
          <li key={k || 'unrated'}>
            <span className={`swatch tone-${k || 'unrated'}`} aria-hidden="true" />
            {k ? label(k) : 'Not rated'}: {counts[k] ?? 0}
          </li>
        ))}
      </ul>
    </>
  )
}
