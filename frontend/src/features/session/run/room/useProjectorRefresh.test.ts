import { renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useProjectorRefresh } from './useProjectorRefresh'

afterEach(() => {
  vi.useRealTimers()
})

describe('useProjectorRefresh', () => {
  it('without a room, reads on opening and every few seconds until closed; with one, the Wait loop does it', () => {
    vi.useFakeTimers()
    const refresh = vi.fn(() => Promise.resolve())
    const { rerender } = renderHook(({ showing, open }) => useProjectorRefresh(showing, open, refresh), {
      initialProps: { showing: false, open: false },
    })
    expect(refresh).not.toHaveBeenCalled()
    rerender({ showing: true, open: false })
    expect(refresh).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(6000)
    expect(refresh).toHaveBeenCalledTimes(3)
    rerender({ showing: true, open: true })
    vi.advanceTimersByTime(6000)
    expect(refresh).toHaveBeenCalledTimes(4) // once on the change, then no polling
    rerender({ showing: false, open: false })
    vi.advanceTimersByTime(6000)
    expect(refresh).toHaveBeenCalledTimes(4)
  })
})
