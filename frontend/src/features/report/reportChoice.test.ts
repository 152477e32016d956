import { describe, expect, it } from 'vitest'
import { choiceFromRoute, defaultExport, exportOptions, fileSize, routeOf, targetId } from './reportChoice'

describe('report choice', () => {
  it('needs a session for session reports and letters, not for the rest', () => {
    expect(targetId({ kind: 'session', sessionId: 0, decisionId: 0 })).toBeNull()
    expect(targetId({ kind: 'letters', sessionId: 4, decisionId: 0 })).toBe(4)
    expect(targetId({ kind: 'assumptions', sessionId: 4, decisionId: 0 })).toBe(0)
    expect(targetId({ kind: 'assumptions', sessionId: 0, decisionId: 2 })).toBe(2)
    expect(targetId({ kind: 'board', sessionId: 4, decisionId: 2 })).toBe(0)
  })
  it('round-trips through the route', () => {
    expect(choiceFromRoute([])).toEqual({ kind: 'session', sessionId: 0, decisionId: 0 })
    expect(choiceFromRoute(['session', '12'])).toEqual({ kind: 'session', sessionId: 12, decisionId: 0 })
    expect(choiceFromRoute(['assumptions', '3'])).toEqual({ kind: 'assumptions', sessionId: 0, decisionId: 3 })
    expect(choiceFromRoute(['nope', 'x'])).toEqual({ kind: 'session', sessionId: 0, decisionId: 0 })
    expect(routeOf({ kind: 'letters', sessionId: 5, decisionId: 0 })).toBe('/reports/letters/5')
    expect(routeOf({ kind: 'board', sessionId: 5, decisionId: 0 })).toBe('/reports/board')
    expect(routeOf({ kind: 'assumptions', sessionId: 0, decisionId: 0 })).toBe('/reports/assumptions')
  })
  it('saves letters one PDF per participant: a .zip, a folder on the desktop, or all in one PDF', () => {
    const values = (desktop: boolean) => exportOptions('letters', ['pdf', 'zip'], desktop).map((o) => o.value)
    expect(values(false)).toEqual(['zip', 'pdf'])
    expect(values(true)).toEqual(['zip', 'folder', 'pdf'])
    expect(defaultExport('letters')).toBe('zip')
    expect(exportOptions('letters', ['pdf', 'zip'], false)[0].button).toBe('Download .zip')
    expect(exportOptions('session', ['pdf', 'md', 'csv'], false).map((o) => o.button)).toEqual([
      'Download PDF',
      'Download Markdown',
      'Download CSV',
    ])
    expect(defaultExport('board')).toBe('pdf')
  })
  it('says file sizes briefly', () => {
    expect(fileSize(900)).toBe('900 B')
    expect(fileSize(84_000)).toBe('82 KB')
    expect(fileSize(1_300_000)).toBe('1.2 MB')
  })
})
