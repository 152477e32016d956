import { describe, expect, it } from 'vitest'
import type { Teammate } from '../../api/team'
import { relativeTime, syncSummary, teammateRows } from './labels'

const now = Date.parse('2026-03-02T12:00:00Z')

describe('relativeTime', () => {
  it('reads an instant relative to now', () => {
    expect(relativeTime('', now)).toBe('never')
    expect(relativeTime('2026-03-02T12:00:03Z', now)).toBe('just now') // a clock a little ahead
    expect(relativeTime('2026-03-02T11:59:58Z', now)).toBe('just now')
    expect(relativeTime('2026-03-02T11:59:15Z', now)).toBe('45 seconds ago')
    expect(relativeTime('2026-03-02T11:59:00Z', now)).toBe('1 minute ago')
    expect(relativeTime('2026-03-02T09:30:00Z', now)).toBe('2 hours ago')
    expect(relativeTime('2026-02-27T12:00:00Z', now)).toBe('3 days ago')
  })
  it('keeps an unreadable time as it is', () => {
    expect(relativeTime('yesterday', now)).toBe('yesterday')
  })
})

const mate = (m: Partial<Teammate>): Teammate => ({
  device: 'd',
  person: 'Ana',
  label: "Ana's laptop",
  me: false,
  files: 0,
  lastFile: '',
  removed: false,
  ...m,
})

describe('teammateRows', () => {
  it('puts this laptop first and removed teammates last, keeping join order', () => {
    const rows = teammateRows(
      [
        mate({ device: 'a', person: 'Ana', removed: true, files: 4, lastFile: '2026-03-01T12:00:00Z' }),
        mate({ device: 'b', person: 'Ben', files: 1, lastFile: '2026-03-02T11:58:00Z' }),
        mate({ device: 'c', person: 'Cleo', me: true, label: '' }),
        mate({ device: 'd', person: '', files: 0 }),
      ],
      now,
    )
    expect(rows.map((r) => r.key)).toEqual(['c', 'b', 'd', 'a'])
    expect(rows[0]).toEqual({
      key: 'c',
      person: 'Cleo',
      laptop: 'a laptop with no name',
      files: '—',
      lastApplied: '—',
      notes: ['this laptop'],
      removable: false,
    })
    expect(rows[1]).toMatchObject({ files: '1 file', lastApplied: '2 minutes ago', notes: [], removable: true })
    expect(rows[2]).toMatchObject({ person: 'Someone', files: '0 files', lastApplied: 'nothing yet' })
    expect(rows[3]).toMatchObject({ files: '4 files', lastApplied: '1 day ago', notes: ['removed'], removable: false })
  })
  it('reads no teammates as none', () => {
    expect(teammateRows(null, now)).toEqual([])
  })
})

describe('syncSummary', () => {
  const empty = { written: 0, files: 0, applied: 0, held: 0, joined: null, problems: null }
  it('says when there was nothing to do', () => {
    expect(syncSummary(empty as never)).toBe('Synced: nothing new on either side.')
  })
  it('names what a pass did', () => {
    expect(
      syncSummary({ written: 1, files: 2, applied: 30, held: 3, joined: ['Ben'], problems: ['folder gone'] }),
    ).toBe(
      "Synced: wrote out 1 change of yours, applied 30 new changes from 2 teammates' files, let in Ben, held back 3 changes for now, ran into 1 problem (below).",
    )
  })
})
