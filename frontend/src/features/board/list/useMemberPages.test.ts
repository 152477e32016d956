import { act, renderHook, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MemberQuery } from '../../../api'
import { toQuery, initialList } from '../listState'
import { useMemberPages } from './useMemberPages'

const api = vi.hoisted(() => ({ listMembers: vi.fn() }))
vi.mock('../../../api', async (orig) => {
  const real = await orig<typeof import('../../../api')>()
  return { ...real, api: { ...real.api, ...api } }
})

const fake = (total: number) => (q: MemberQuery) =>
  Promise.resolve({
    total,
    members: Array.from({ length: Math.max(0, Math.min(q.limit, total - q.offset)) }, (_, i) => ({
      id: q.offset + i + 1,
      name: `${q.search || 'm'}${q.offset + i}`,
    })),
  })

describe('useMemberPages', () => {
  beforeEach(() => {
    api.listMembers.mockReset()
  })

  it('loads the first page, then further pages on demand with limit/offset', async () => {
    api.listMembers.mockImplementation(fake(450))
    const { result } = renderHook(() => useMemberPages(toQuery(initialList), 0, 200))
    await waitFor(() => expect(result.current.total).toBe(450))
    expect(api.listMembers).toHaveBeenCalledWith(expect.objectContaining({ limit: 200, offset: 0 }))
    expect(result.current.row(0)?.name).toBe('m0')
    expect(result.current.row(300)).toBeUndefined()

    act(() => result.current.ensure(180, 320))
    await waitFor(() => expect(result.current.row(300)?.name).toBe('m300'))
    expect(api.listMembers).toHaveBeenCalledWith(expect.objectContaining({ limit: 200, offset: 200 }))
    act(() => result.current.ensure(180, 320))
    expect(api.listMembers).toHaveBeenCalledTimes(2)
  })

  it('keeps old rows while a new query loads and ignores stale answers', async () => {
    let release: (() => void) | undefined
    api.listMembers.mockImplementation((q: MemberQuery) => {
      if (q.search === 'slow') return new Promise((r) => (release = () => r(fake(1)(q))))
      return fake(q.search ? 2 : 10)(q)
    })
    const { result, rerender } = renderHook(({ search }) => useMemberPages(toQuery({ ...initialList, search }), 0), {
      initialProps: { search: '' },
    })
    await waitFor(() => expect(result.current.total).toBe(10))
    rerender({ search: 'slow' })
    expect(result.current.loading).toBe(true)
    expect(result.current.total).toBe(10) // still showing the old list
    rerender({ search: 'zo' })
    await waitFor(() => expect(result.current.total).toBe(2))
    await act(async () => release?.())
    expect(result.current.total).toBe(2)
    expect(result.current.row(0)?.name).toBe('zo0')
  })

  it('reloads when the version changes (after an edit)', async () => {
    api.listMembers.mockImplementation(fake(3))
    const { result, rerender } = renderHook(({ v }) => useMemberPages(toQuery(initialList), v), {
      initialProps: { v: 0 },
    })
    await waitFor(() => expect(result.current.total).toBe(3))
    rerender({ v: 1 })
    await waitFor(() => expect(api.listMembers).toHaveBeenCalledTimes(2))
  })

  it('reports errors verbatim', async () => {
    api.listMembers.mockRejectedValue('not implemented yet')
    const { result } = renderHook(() => useMemberPages(toQuery(initialList), 0))
    await waitFor(() => expect(result.current.error).toBe('not implemented yet'))
  })
})
