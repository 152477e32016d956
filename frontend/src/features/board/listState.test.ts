import { describe, expect, it } from 'vitest'
import { hasFilters, initialList, listReducer, toQuery } from './listState'

describe('list state', () => {
  it('starts unfiltered, sorted by name, current members only', () => {
    expect(hasFilters(initialList)).toBe(false)
    expect(toQuery(initialList)).toEqual({
      search: '',
      segmentId: 0,
      status: '',
      tag: '',
      consent: '',
      archived: '',
      sort: 'name',
      desc: false,
      limit: 0,
      offset: 0,
    })
  })

  it('applies search and filters to the query', () => {
    let s = listReducer(initialList, { type: 'search', value: '  Zoë ' })
    s = listReducer(s, { type: 'filter', patch: { segmentId: -1, status: 'active' } })
    s = listReducer(s, { type: 'filter', patch: { consent: 'no_contact', archived: 'only', tag: 'pilot' } })
    expect(hasFilters(s)).toBe(true)
    expect(toQuery(s)).toMatchObject({
      search: 'Zoë',
      segmentId: -1,
      status: 'active',
      tag: 'pilot',
      consent: 'no_contact',
      archived: 'only',
    })
  })

  it('whitespace-only search is not a filter', () => {
    expect(hasFilters(listReducer(initialList, { type: 'search', value: '   ' }))).toBe(false)
  })

  it('keeps the same state object when the search does not change', () => {
    expect(listReducer(initialList, { type: 'search', value: '' })).toBe(initialList)
  })

  it('toggles sort direction on the same column; dates start newest first', () => {
    let s = listReducer(initialList, { type: 'sort', key: 'name' })
    expect(s).toMatchObject({ sort: 'name', desc: true })
    s = listReducer(s, { type: 'sort', key: 'company' })
    expect(s).toMatchObject({ sort: 'company', desc: false })
    s = listReducer(s, { type: 'sort', key: 'last_contacted' })
    expect(s).toMatchObject({ sort: 'last_contacted', desc: true })
  })

  it('clear resets filters but keeps the sort', () => {
    let s = listReducer(initialList, { type: 'sort', key: 'status' })
    s = listReducer(s, { type: 'filter', patch: { status: 'paused' } })
    s = listReducer(s, { type: 'search', value: 'acme' })
    s = listReducer(s, { type: 'clear' })
    expect(hasFilters(s)).toBe(false)
    expect(s.sort).toBe('status')
  })
})
