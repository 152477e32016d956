import { describe, expect, it } from 'vitest'
import {
  attribution,
  bySegment,
  draftFromHmw,
  hmwFromEntry,
  opportunityStatuses,
  origin,
  planHref,
  reactionSummary,
  statusWord,
  successText,
} from './synthesis'

describe('synthesis logic', () => {
  it('summarises reactions, most first, and says nothing when none were noted', () => {
    expect(reactionSummary({ confusion: 1, excitement: 1, frustration: 3, other: 0 })).toBe(
      '3 frustration · 1 confusion · 1 excitement',
    )
    expect(reactionSummary({ confusion: 0, excitement: 0, frustration: 0, other: 0 })).toBe('')
  })

  it('names where an entry came from and who gave it', () => {
    expect(origin({ activity: 'Walk the journey', item: 'Get the price list' })).toBe(
      'Walk the journey · Get the price list',
    )
    expect(origin({ activity: 'Ideas', item: '' })).toBe('Ideas')
    expect(origin({ activity: '', item: '' })).toBe('Whole session')
    expect(attribution({ member: 'Zoë Durand', segment: 'Independent retailers' })).toBe(
      'Zoë Durand, Independent retailers',
    )
    expect(attribution({ member: '', segment: '' })).toBe('Unattributed')
  })

  it('groups by segment, members without one last', () => {
    const groups = bySegment([
      { id: 1, segment: 'Restaurants' },
      { id: 2, segment: '' },
      { id: 3, segment: 'Distributors' },
      { id: 4, segment: 'Restaurants' },
    ])
    expect(groups.map(([k, es]) => [k, es.map((e) => e.id)])).toEqual([
      ['Distributors', [3]],
      ['Restaurants', [1, 4]],
      ['No segment', [2]],
    ])
  })

  it('drafts a hypothesis from a "How might we"', () => {
    expect(draftFromHmw('  How might we read suppliers’ PDFs for them? ')).toEqual({
      customers: '',
      behavior: 'read suppliers’ PDFs for them',
      reason: '',
      category: 'desirability',
      importance: 4,
      evidence: 2,
    })
    expect(draftFromHmw('Show savings').behavior).toBe('Show savings')
  })

  it('starts an opportunity from a pain point', () => {
    expect(hmwFromEntry(' Price lists arrive as PDFs I retype by hand. ')).toBe(
      'How might we answer “Price lists arrive as PDFs I retype by hand”?',
    )
  })

  it('plans the next test with decision and format', () => {
    expect(planHref(3, 'prototype_testing')).toBe('/sessions/new/3/prototype_testing')
  })

  it('writes task success as a share', () => {
    expect(successText({ success: 3, partial: 0, fail: 1 })).toBe('3 of 4 (75%)')
    expect(successText({ success: 0, partial: 0, fail: 0 })).toBe('not tried')
  })

  it('offers the opportunity statuses in order, in words', () => {
    expect(opportunityStatuses.map(statusWord)).toEqual(['Exploring', 'Prototyping', 'On the roadmap', 'Dropped'])
  })
})
