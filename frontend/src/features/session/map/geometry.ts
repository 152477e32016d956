// Geometry of the importance × evidence map: x is evidence (low -> high, left
// -> right), y is importance (low -> high, bottom -> top). Both run 1–5. The
// riskiest corner is important (4–5) with little evidence (1–2): top left.

export const SCALE_MIN = 1
export const SCALE_MAX = 5

export interface Frame {
  width: number
  height: number
  /** Room for axis labels (and the riskiest corner's name above the plot), in px of the viewBox. */
  left: number
  right: number
  top: number
  bottom: number
}

// Small enough that the labels stay readable when the map shares a column
// of ~340 px (1024 px wide windows): drawn at that width, 13 px type in the
// viewBox is still ~10 px on screen.
export const defaultFrame: Frame = { width: 440, height: 350, left: 58, right: 14, top: 26, bottom: 52 }

export type Quadrant = 'riskiest' | 'important_known' | 'minor_unknown' | 'minor_known'

/** Where an assumption stands: the boundaries are importance 3.5 and evidence 2.5. */
export function quadrant(importance: number, evidence: number): Quadrant {
  const important = importance >= 4
  const little = evidence <= 2
  if (important) return little ? 'riskiest' : 'important_known'
  return little ? 'minor_unknown' : 'minor_known'
}

export const quadrantLabels: Record<Quadrant, string> = {
  riskiest: 'Riskiest: important, little evidence',
  important_known: 'Important, with evidence',
  minor_unknown: 'Less important, little evidence',
  minor_known: 'Less important, with evidence',
}

const clamp = (v: number) => Math.min(SCALE_MAX, Math.max(SCALE_MIN, v))

/** The plot area inside the frame. */
export function plotArea(f: Frame = defaultFrame) {
  return { x0: f.left, y0: f.top, x1: f.width - f.right, y1: f.height - f.bottom }
}

/** A value on the 1–5 scale as a fraction of the plot, with half a step of margin at each end. */
function frac(v: number): number {
  return (clamp(v) - (SCALE_MIN - 0.5)) / (SCALE_MAX - SCALE_MIN + 1)
}

/** x in the viewBox for an evidence level (fractional values allowed). */
export function xOf(evidence: number, f: Frame = defaultFrame): number {
  const a = plotArea(f)
  return a.x0 + frac(evidence) * (a.x1 - a.x0)
}

/** y in the viewBox for an importance level: 5 is at the top. */
export function yOf(importance: number, f: Frame = defaultFrame): number {
  const a = plotArea(f)
  return a.y1 - frac(importance) * (a.y1 - a.y0)
}

/** The riskiest corner as a rectangle (importance ≥ 3.5, evidence ≤ 2.5). */
export function riskiestRect(f: Frame = defaultFrame) {
  const a = plotArea(f)
  const x1 = xOf(2.5, f)
  const y1 = yOf(3.5, f)
  return { x: a.x0, y: a.y0, width: x1 - a.x0, height: y1 - a.y0 }
}

export interface Placed<T> {
  item: T
  x: number
  y: number
}

/**
 * Places points at their (evidence, importance) cell. Points sharing a cell
 * are spread on a small circle around its centre so each stays visible and
 * clickable; the order of items decides who goes where, so it is stable.
 */
export function placePoints<T>(
  items: T[],
  pos: (t: T) => { importance: number; evidence: number },
  f: Frame = defaultFrame,
  spread = 14,
): Placed<T>[] {
  const cells = new Map<string, number[]>()
  items.forEach((t, i) => {
    const p = pos(t)
    const k = `${clamp(p.importance)}:${clamp(p.evidence)}`
    cells.set(k, [...(cells.get(k) ?? []), i])
  })
  const out: Placed<T>[] = new Array(items.length)
  for (const idxs of cells.values()) {
    idxs.forEach((i, n) => {
      const p = pos(items[i])
      let x = xOf(p.evidence, f)
      let y = yOf(p.importance, f)
      if (idxs.length > 1) {
        const angle = (2 * Math.PI * n) / idxs.length - Math.PI / 2
        const r = spread * (idxs.length > 6 ? 1.4 : 1)
        x += r * Math.cos(angle)
        y += r * Math.sin(angle)
      }
      out[i] = { item: items[i], x: round(x), y: round(y) }
    })
  }
  return out
}

const round = (v: number) => Math.round(v * 10) / 10

/** The riskiest first: risk = importance × (6 − evidence), ties by importance. */
export function riskOf(importance: number, evidence: number): number {
  return importance * (6 - evidence)
}

/** The n riskiest items (the backend's "top 5 per session" guide). */
export function riskiest<T extends { id: number; importance: number; evidence: number }>(items: T[], n = 5): T[] {
  return [...items]
    .sort(
      (a, b) =>
        riskOf(b.importance, b.evidence) - riskOf(a.importance, a.evidence) ||
        b.importance - a.importance ||
        a.id - b.id,
    )
    .slice(0, n)
}
