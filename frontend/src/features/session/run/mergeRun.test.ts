import { describe, expect, test } from 'vitest'
import { Stance } from '../../../api/enums'
import type { Response } from '../../../api/session'
import { mergeRunState } from './useRun'

const resp = (p: Partial<Response>): Response => ({
  id: 1,
  sessionId: 1,
  assumptionId: 10,
  memberId: 1,
  stance: Stance.NONE,
  needs: '',
  reactions: [],
  notes: '',
  themes: [],
  updatedAt: '',
  ...p,
})
const verdict = { sessionId: 1, assumptionId: 10, verdict: 'validated', rationale: 'mine', confidence: 4, rated: true }

describe('mergeRunState', () => {
  test('stances from the room arrive; a field typed here and not saved keeps its words', () => {
    const local = {
      responses: { '10:1': resp({ stance: Stance.MATCHES, notes: 'typing' }) },
      quotes: { 10: [{ key: 'new1', id: 0, text: 'said here', memberId: 1 }] },
      verdicts: { 10: verdict },
    }
    const remote = {
      responses: {
        '10:1': resp({ stance: Stance.PARTLY, notes: 'older' }),
        '10:2': resp({ id: 2, memberId: 2, stance: Stance.UNSURE }),
      },
      quotes: { 10: [{ key: 'q8', id: 8, text: 'from elsewhere', memberId: 2 }] },
      verdicts: {},
    }
    const out = mergeRunState(local, remote, (k) => k === '10:1:notes')
    expect(out.responses['10:1']).toMatchObject({ stance: Stance.PARTLY, notes: 'typing' })
    expect(out.responses['10:2'].stance).toBe('unsure')
    expect(out.quotes[10].map((q) => q.text)).toEqual(['said here', 'from elsewhere'])
    expect(out.verdicts[10]).toBe(verdict)
  })

  test('a saved quote gone from the server was deleted there', () => {
    const local = { responses: {}, quotes: { 10: [{ key: 'q8', id: 8, text: 'x', memberId: 1 }] }, verdicts: {} }
    expect(mergeRunState(local, { responses: {}, quotes: {}, verdicts: {} }, () => false).quotes[10]).toEqual([])
  })
})
