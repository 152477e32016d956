import { useId } from 'react'
import type { Move } from '../../../api/session'
import { TOP_ASSUMPTIONS, word } from '../labels'
import { defaultFrame as f, placePoints, plotArea, quadrant, quadrantLabels, riskiestRect, xOf, yOf } from './geometry'

export interface MapPoint {
  id: number
  sentence: string
  importance: number
  evidence: number
  /** Current verdict, "" = untested. */
  verdict: string
  /** One of the "Top 5" to test first (the backend's markTop): ringed on the map. */
  top?: boolean
  /** Short label drawn in the dot (the row number in the list next to the map). */
  label?: string
  /** Earlier positions, oldest first; drawn as a trail ending at the point. */
  moves?: Move[]
}

interface Props {
  title: string
  points: MapPoint[]
  selectedId?: number | null
  onSelect?: (id: number) => void
}

const verdictsShown = ['validated', 'invalidated', 'needs_research', 'untested'] as const

/**
 * The importance × evidence map as an SVG: evidence left (little) to right
 * (strong), importance bottom to top. The riskiest corner — important, little
 * evidence — is shaded. Each point is a focusable button named by its sentence.
 */
export function AssumptionMap({ title, points, selectedId, onSelect }: Props) {
  const id = useId()
  const a = plotArea(f)
  const risky = riskiestRect(f)
  const placed = placePoints(points, (p) => p)
  const ticks = [1, 2, 3, 4, 5]

  return (
    <figure className="amap" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="amap-title">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${f.width} ${f.height}`}
        className="amap-svg"
        role="group"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <desc id={`${id}-desc`}>
          Evidence runs from little on the left to strong on the right; importance from low at the bottom to high at the
          top. The shaded top-left corner holds the riskiest assumptions: important, with little evidence.
        </desc>
        <defs>
          <marker
            id={`${id}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" className="amap-arrowhead" />
          </marker>
        </defs>
        <rect x={a.x0} y={a.y0} width={a.x1 - a.x0} height={a.y1 - a.y0} className="amap-plot" />
        <rect {...risky} className="amap-risky" />
        {/* Above the plot, where no point can cover it. */}
        <text x={risky.x} y={risky.y - 8} className="amap-risky-label">
          Riskiest
        </text>
        <line x1={xOf(2.5)} x2={xOf(2.5)} y1={a.y0} y2={a.y1} className="amap-divider" />
        <line x1={a.x0} x2={a.x1} y1={yOf(3.5)} y2={yOf(3.5)} className="amap-divider" />
        <g aria-hidden="true">
          {ticks.map((t) => (
            <g key={t}>
              <text x={xOf(t)} y={a.y1 + 18} className="amap-tick" textAnchor="middle">
                {t}
              </text>
              <text x={a.x0 - 10} y={yOf(t) + 4} className="amap-tick" textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          <text x={(a.x0 + a.x1) / 2} y={f.height - 8} className="amap-axis" textAnchor="middle">
            Evidence: little → strong
          </text>
          <text
            x={14}
            y={(a.y0 + a.y1) / 2}
            className="amap-axis"
            textAnchor="middle"
            transform={`rotate(-90 14 ${(a.y0 + a.y1) / 2})`}
          >
            Importance: low → high
          </text>
        </g>
        <g aria-hidden="true">
          {placed.map(({ item, x, y }) => {
            const trail = (item.moves ?? []).filter(
              (m, i, all) => i === 0 || m.importance !== all[i - 1].importance || m.evidence !== all[i - 1].evidence,
            )
            if (trail.length === 0) return null
            const pts = trail.map((m) => [xOf(m.evidence), yOf(m.importance)])
            const last = pts[pts.length - 1]
            // The current position is the point itself; the trail ends there.
            const atPoint =
              Math.abs(last[0] - xOf(item.evidence)) < 0.5 && Math.abs(last[1] - yOf(item.importance)) < 0.5
            if (atPoint) pts[pts.length - 1] = [x, y]
            else pts.push([x, y])
            if (pts.length < 2) return null
            // End the arrow at the rim of the dot, not under it.
            const [px, py] = pts[pts.length - 2]
            const len = Math.hypot(x - px, y - py)
            if (len > 14) pts[pts.length - 1] = [x - ((x - px) * 13) / len, y - ((y - py) * 13) / len]
            return (
              <g key={item.id} className="amap-trail">
                <polyline points={pts.map((p) => p.join(',')).join(' ')} markerEnd={`url(#${id}-arrow)`} />
                {pts.slice(0, -1).map((p, i) => (
                  <circle key={i} cx={p[0]} cy={p[1]} r={3} />
                ))}
              </g>
            )
          })}
        </g>
        {placed.map(({ item, x, y }) => {
          const v = item.verdict || 'untested'
          const selected = selectedId === item.id
          const q = quadrant(item.importance, item.evidence)
          const isTop = item.top ?? false
          return (
            <g
              key={item.id}
              className={`amap-point pt-${v}${selected ? ' is-selected' : ''}${q === 'riskiest' ? ' is-risky' : ''}${isTop ? ' is-top' : ''}`}
              transform={`translate(${x} ${y})`}
              tabIndex={0}
              role="button"
              aria-label={item.sentence}
              aria-description={`${isTop ? `Top ${TOP_ASSUMPTIONS}. ` : ''}${word(v)}. Importance ${item.importance}, evidence ${item.evidence}. ${quadrantLabels[q]}.`}
              aria-pressed={onSelect ? selected : undefined}
              onClick={() => onSelect?.(item.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault()
                  onSelect?.(item.id)
                }
              }}
            >
              <title>{`${item.sentence} (${word(v)}; importance ${item.importance}, evidence ${item.evidence})`}</title>
              {isTop && <circle r={15} className="amap-top-ring" />}
              <circle r={11} />
              {item.label && (
                <text y={4} textAnchor="middle" aria-hidden="true">
                  {item.label}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <ul className="amap-legend" aria-label="Colours">
        {verdictsShown.map((v) => (
          <li key={v}>
            <span className={`amap-swatch pt-${v}`} aria-hidden="true" />
            {word(v)}
          </li>
        ))}
        <li>
          <span className="amap-swatch amap-swatch-risky" aria-hidden="true" />
          Riskiest corner
        </li>
        {points.some((p) => p.top) && (
          <li>
            <span className="amap-swatch amap-swatch-top" aria-hidden="true" />
            Top {TOP_ASSUMPTIONS}
          </li>
        )}
      </ul>
    </figure>
  )
}
