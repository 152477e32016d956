import { describe, expect, it } from 'vitest'
import { defaultFrame as f, placePoints, plotArea, quadrant, riskiest, riskiestRect, xOf, yOf } from './geometry'

describe('map geometry', () => {
  const a = plotArea(f)

  it('puts evidence left to right and importance bottom to top, inside the plot', () => {
    expect(xOf(1)).toBeLessThan(xOf(5))
    expect(yOf(5)).toBeLessThan(yOf(1)) // SVG y grows downwards: 5 is higher up
    for (const v of [1, 2, 3, 4, 5]) {
      expect(xOf(v)).toBeGreaterThan(a.x0)
      expect(xOf(v)).toBeLessThan(a.x1)
      expect(yOf(v)).toBeGreaterThan(a.y0)
      expect(yOf(v)).toBeLessThan(a.y1)
    }
    // Evenly spaced, with the middle value in the middle.
    expect(xOf(3)).toBeCloseTo((a.x0 + a.x1) / 2)
    expect(xOf(2) - xOf(1)).toBeCloseTo(xOf(5) - xOf(4))
  })

  it('clamps values outside 1–5 to the edge cells', () => {
    expect(xOf(0)).toBe(xOf(1))
    expect(yOf(9)).toBe(yOf(5))
  })

  it('names the riskiest quadrant: important (4–5) with little evidence (1–2)', () => {
    expect(quadrant(5, 1)).toBe('riskiest')
    expect(quadrant(4, 2)).toBe('riskiest')
    expect(quadrant(3, 1)).toBe('minor_unknown')
    expect(quadrant(5, 3)).toBe('important_known')
    expect(quadrant(1, 5)).toBe('minor_known')
  })

  it('draws the riskiest rectangle exactly around the riskiest points', () => {
    const r = riskiestRect(f)
    const inside = (x: number, y: number) => x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height
    for (let imp = 1; imp <= 5; imp++) {
      for (let ev = 1; ev <= 5; ev++) {
        expect(inside(xOf(ev), yOf(imp))).toBe(quadrant(imp, ev) === 'riskiest')
      }
    }
    expect(r.x).toBe(a.x0)
    expect(r.y).toBe(a.y0) // top-left corner
  })

  it('places a lone point at its cell and spreads points sharing a cell', () => {
    const items = [
      { id: 1, importance: 5, evidence: 1 },
      { id: 2, importance: 2, evidence: 4 },
      { id: 3, importance: 2, evidence: 4 },
      { id: 4, importance: 2, evidence: 4 },
    ]
    const placed = placePoints(items, (t) => t)
    expect(placed[0]).toMatchObject({ x: Math.round(xOf(1) * 10) / 10, y: Math.round(yOf(5) * 10) / 10 })
    const shared = placed.slice(1)
    const keys = new Set(shared.map((p) => `${p.x},${p.y}`))
    expect(keys.size).toBe(3) // no two on top of each other
    for (const p of shared) {
      const d = Math.hypot(p.x - xOf(4), p.y - yOf(2))
      expect(d).toBeGreaterThan(10)
      expect(d).toBeLessThan(20) // still clearly in their cell
    }
    // Stable: same input, same places.
    expect(placePoints(items, (t) => t)).toEqual(placed)
  })

  it('suggests the riskiest n by importance × (6 − evidence)', () => {
    const items = [
      { id: 1, importance: 2, evidence: 5 },
      { id: 2, importance: 5, evidence: 1 },
      { id: 3, importance: 4, evidence: 2 },
      { id: 4, importance: 5, evidence: 4 },
      { id: 5, importance: 3, evidence: 1 },
      { id: 6, importance: 1, evidence: 1 },
    ]
    expect(riskiest(items, 3).map((i) => i.id)).toEqual([2, 3, 5])
    expect(riskiest(items, 10)).toHaveLength(6)
  })
})
