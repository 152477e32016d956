import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useAction } from './useAction'

describe('useAction', () => {
  it('says whether the call succeeded and keeps the error of a failed one until the next call', async () => {
    const { result } = renderHook(() => useAction())
    let ok = true
    await act(async () => {
      ok = await result.current.run(() => Promise.reject(new Error('what is required')))
    })
    expect(ok).toBe(false)
    expect(result.current.error).toBe('what is required')
    expect(result.current.busy).toBe(false)

    let release!: () => void
    let pending!: Promise<boolean>
    act(() => {
      pending = result.current.run(() => new Promise<void>((r) => (release = r)))
    })
    expect(result.current.busy).toBe(true)
    expect(result.current.error).toBe('')
    await act(async () => {
      release()
      ok = await pending
    })
    expect(ok).toBe(true)
    expect(result.current.busy).toBe(false)
  })
})
